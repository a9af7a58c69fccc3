using Azure.Storage.Blobs.Models;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs.Internal;

/// <summary>Turns Get Blob / Get Blob Properties response headers into the SDK's models.</summary>
internal static class BlobHeaderReader
{
    public static BlobProperties ReadProperties(Response response) => new()
    {
        LastModified = response.DateHeader("Last-Modified"),
        CreatedOn = response.DateHeader("x-ms-creation-time"),
        Metadata = response.ReadMetadata(),
        BlobType = ParseBlobType(response.Header("x-ms-blob-type")) ?? BlobType.Block,
        LeaseDuration = ParseLeaseDuration(response.Header("x-ms-lease-duration")) ?? LeaseDurationType.Infinite,
        LeaseState = ParseLeaseState(response.Header("x-ms-lease-state")) ?? LeaseState.Available,
        LeaseStatus = ParseLeaseStatus(response.Header("x-ms-lease-status")) ?? LeaseStatus.Unlocked,
        ContentLength = response.LongHeader("Content-Length"),
        ContentType = response.Header("Content-Type"),
        ETag = response.ETagHeader(),
        ContentHash = Base64(response.Header("Content-MD5")),
        ContentEncoding = response.Header("Content-Encoding"),
        ContentDisposition = response.Header("Content-Disposition"),
        ContentLanguage = response.Header("Content-Language"),
        CacheControl = response.Header("Cache-Control"),
        AcceptRanges = response.Header("Accept-Ranges"),
        IsServerEncrypted = response.BoolHeader("x-ms-server-encrypted"),
        AccessTier = response.Header("x-ms-access-tier"),
        VersionId = response.Header("x-ms-version-id"),
    };

    public static BlobDownloadDetails ReadDownloadDetails(Response response) => new()
    {
        BlobType = ParseBlobType(response.Header("x-ms-blob-type")) ?? BlobType.Block,
        ContentLength = response.LongHeader("Content-Length"),
        ContentType = response.Header("Content-Type"),
        ContentHash = Base64(response.Header("Content-MD5")),
        LastModified = response.DateHeader("Last-Modified"),
        Metadata = response.ReadMetadata(),
        ContentRange = response.Header("Content-Range"),
        ETag = response.ETagHeader(),
        ContentEncoding = response.Header("Content-Encoding"),
        CacheControl = response.Header("Cache-Control"),
        ContentDisposition = response.Header("Content-Disposition"),
        ContentLanguage = response.Header("Content-Language"),
        LeaseDuration = ParseLeaseDuration(response.Header("x-ms-lease-duration")) ?? LeaseDurationType.Infinite,
        LeaseState = ParseLeaseState(response.Header("x-ms-lease-state")) ?? LeaseState.Available,
        LeaseStatus = ParseLeaseStatus(response.Header("x-ms-lease-status")) ?? LeaseStatus.Unlocked,
        VersionId = response.Header("x-ms-version-id"),
        CreatedOn = response.DateHeader("x-ms-creation-time"),
    };

    public static BlobContentInfo ReadContentInfo(Response response) => new()
    {
        ETag = response.ETagHeader(),
        LastModified = response.DateHeader("Last-Modified"),
        ContentHash = Base64(response.Header("Content-MD5")),
        VersionId = response.Header("x-ms-version-id"),
        BlobSequenceNumber = response.LongHeader("x-ms-blob-sequence-number"),
    };

    public static BlobInfo ReadInfo(Response response) => new()
    {
        ETag = response.ETagHeader(),
        LastModified = response.DateHeader("Last-Modified"),
        VersionId = response.Header("x-ms-version-id"),
        BlobSequenceNumber = response.LongHeader("x-ms-blob-sequence-number"),
    };

    public static BlobType? ParseBlobType(string? value) => value?.ToLowerInvariant() switch
    {
        "blockblob" => BlobType.Block,
        "pageblob" => BlobType.Page,
        "appendblob" => BlobType.Append,
        _ => null,
    };

    public static LeaseState? ParseLeaseState(string? value) => value?.ToLowerInvariant() switch
    {
        "available" => LeaseState.Available,
        "leased" => LeaseState.Leased,
        "expired" => LeaseState.Expired,
        "breaking" => LeaseState.Breaking,
        "broken" => LeaseState.Broken,
        _ => null,
    };

    public static LeaseStatus? ParseLeaseStatus(string? value) => value?.ToLowerInvariant() switch
    {
        "locked" => LeaseStatus.Locked,
        "unlocked" => LeaseStatus.Unlocked,
        _ => null,
    };

    public static LeaseDurationType? ParseLeaseDuration(string? value) => value?.ToLowerInvariant() switch
    {
        "infinite" => LeaseDurationType.Infinite,
        "fixed" => LeaseDurationType.Fixed,
        _ => null,
    };

    public static byte[]? Base64(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
