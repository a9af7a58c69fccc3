namespace Azure.Storage.Blobs.Models;

public class BlobContainerInfo
{
    internal BlobContainerInfo() { }

    public ETag ETag { get; internal set; }
    public DateTimeOffset LastModified { get; internal set; }
}

public class BlobContentInfo
{
    internal BlobContentInfo() { }

    public ETag ETag { get; internal set; }
    public DateTimeOffset LastModified { get; internal set; }
#pragma warning disable CA1819
    public byte[]? ContentHash { get; internal set; }
#pragma warning restore CA1819
    public string? VersionId { get; internal set; }
    public long BlobSequenceNumber { get; internal set; }
}

public class BlobInfo
{
    internal BlobInfo() { }

    public ETag ETag { get; internal set; }
    public DateTimeOffset LastModified { get; internal set; }
    public long BlobSequenceNumber { get; internal set; }
    public string? VersionId { get; internal set; }
}

public class BlobLease
{
    internal BlobLease() { }

    public ETag ETag { get; internal set; }
    public DateTimeOffset LastModified { get; internal set; }
    public string? LeaseId { get; internal set; }

    /// <summary>Seconds until a broken lease ends (Break only).</summary>
    public int? LeaseTime { get; internal set; }
}

public class ReleasedObjectInfo
{
    public ReleasedObjectInfo(ETag eTag, DateTimeOffset lastModified)
    {
        ETag = eTag;
        LastModified = lastModified;
    }

    public ETag ETag { get; }
    public DateTimeOffset LastModified { get; }
}
