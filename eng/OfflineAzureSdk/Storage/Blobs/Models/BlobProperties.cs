namespace Azure.Storage.Blobs.Models;

/// <summary>A blob's system properties and metadata (Get Blob Properties).</summary>
public class BlobProperties
{
    public BlobProperties() { }

    public DateTimeOffset LastModified { get; internal set; }
    public DateTimeOffset CreatedOn { get; internal set; }
    public IDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public BlobType BlobType { get; internal set; }
    public LeaseDurationType LeaseDuration { get; internal set; }
    public LeaseState LeaseState { get; internal set; }
    public LeaseStatus LeaseStatus { get; internal set; }
    public long ContentLength { get; internal set; }
    public string? ContentType { get; internal set; }
    public ETag ETag { get; internal set; }
#pragma warning disable CA1819
    public byte[]? ContentHash { get; internal set; }
#pragma warning restore CA1819
    public string? ContentEncoding { get; internal set; }
    public string? ContentDisposition { get; internal set; }
    public string? ContentLanguage { get; internal set; }
    public string? CacheControl { get; internal set; }
    public string? AcceptRanges { get; internal set; }
    public bool IsServerEncrypted { get; internal set; }
    public string? AccessTier { get; internal set; }
    public string? VersionId { get; internal set; }
}
