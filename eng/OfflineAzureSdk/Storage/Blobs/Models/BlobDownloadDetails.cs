namespace Azure.Storage.Blobs.Models;

/// <summary>The headers of a Get Blob response.</summary>
public class BlobDownloadDetails
{
    public BlobDownloadDetails() { }

    public BlobType BlobType { get; internal set; }
    public long ContentLength { get; internal set; }
    public string? ContentType { get; internal set; }
#pragma warning disable CA1819
    public byte[]? ContentHash { get; internal set; }
#pragma warning restore CA1819
    public DateTimeOffset LastModified { get; internal set; }
    public IDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public string? ContentRange { get; internal set; }
    public ETag ETag { get; internal set; }
    public string? ContentEncoding { get; internal set; }
    public string? CacheControl { get; internal set; }
    public string? ContentDisposition { get; internal set; }
    public string? ContentLanguage { get; internal set; }
    public LeaseDurationType LeaseDuration { get; internal set; }
    public LeaseState LeaseState { get; internal set; }
    public LeaseStatus LeaseStatus { get; internal set; }
    public string? VersionId { get; internal set; }
    public DateTimeOffset CreatedOn { get; internal set; }
}

public class BlobDownloadResult
{
    internal BlobDownloadResult(BinaryData content, BlobDownloadDetails details)
    {
        Content = content;
        Details = details;
    }

    public BlobDownloadDetails Details { get; }
    public BinaryData Content { get; }
}

/// <summary>A download whose <see cref="Content"/> reads from the network; dispose it when done.</summary>
public class BlobDownloadStreamingResult : IDisposable
{
    internal BlobDownloadStreamingResult(Stream content, BlobDownloadDetails details)
    {
        Content = content;
        Details = details;
    }

    public BlobDownloadDetails Details { get; }
    public Stream Content { get; }

    public void Dispose()
    {
        Content.Dispose();
        GC.SuppressFinalize(this);
    }
}

public static class BlobsModelFactory
{
    public static BlobDownloadResult BlobDownloadResult(BinaryData? content = null, BlobDownloadDetails? details = null) =>
        new(content ?? BinaryData.Empty, details ?? new BlobDownloadDetails());

    public static BlobDownloadStreamingResult BlobDownloadStreamingResult(Stream? content = null, BlobDownloadDetails? details = null) =>
        new(content ?? Stream.Null, details ?? new BlobDownloadDetails());
}
