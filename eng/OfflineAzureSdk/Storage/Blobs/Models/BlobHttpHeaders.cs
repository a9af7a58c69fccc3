namespace Azure.Storage.Blobs.Models;

public class BlobHttpHeaders
{
    public string? ContentType { get; set; }

#pragma warning disable CA1819 // the real model exposes the hash as an array
    public byte[]? ContentHash { get; set; }
#pragma warning restore CA1819

    public string? ContentEncoding { get; set; }
    public string? ContentLanguage { get; set; }
    public string? ContentDisposition { get; set; }
    public string? CacheControl { get; set; }
}
