namespace Azure.Storage.Blobs.Models;

/// <summary>One blob of a container listing.</summary>
public class BlobItem
{
    internal BlobItem() { }

    public string Name { get; internal set; } = "";
    public bool Deleted { get; internal set; }
    public string? Snapshot { get; internal set; }
    public string? VersionId { get; internal set; }
    public bool? IsLatestVersion { get; internal set; }
    public BlobItemProperties Properties { get; internal set; } = new();
    public IDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public IDictionary<string, string>? Tags { get; internal set; }
}

public class BlobItemProperties
{
    internal BlobItemProperties() { }

    public DateTimeOffset? LastModified { get; internal set; }
    public long? ContentLength { get; internal set; }
    public string? ContentType { get; internal set; }
    public string? ContentEncoding { get; internal set; }
    public string? ContentLanguage { get; internal set; }
#pragma warning disable CA1819
    public byte[]? ContentHash { get; internal set; }
#pragma warning restore CA1819
    public string? ContentDisposition { get; internal set; }
    public string? CacheControl { get; internal set; }
    public BlobType? BlobType { get; internal set; }
    public LeaseStatus? LeaseStatus { get; internal set; }
    public LeaseState? LeaseState { get; internal set; }
    public LeaseDurationType? LeaseDuration { get; internal set; }
    public ETag? ETag { get; internal set; }
    public DateTimeOffset? CreatedOn { get; internal set; }
}
