using Azure.Core;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs.Internal;

/// <summary>Request pieces shared by the blob operations.</summary>
internal static class BlobOperations
{
    public static void AddBlobConditions(this Request request, BlobRequestConditions? conditions)
    {
        request.AddConditions(conditions);
        request.SetIfNotEmpty("x-ms-lease-id", conditions?.LeaseId);
        request.SetIfNotEmpty("x-ms-if-tags", conditions?.TagConditions);
    }

    public static void AddBlobHttpHeaders(this Request request, BlobHttpHeaders? headers)
    {
        if (headers is null)
        {
            return;
        }
        request.SetIfNotEmpty("x-ms-blob-content-type", headers.ContentType);
        request.SetIfNotEmpty("x-ms-blob-content-encoding", headers.ContentEncoding);
        request.SetIfNotEmpty("x-ms-blob-content-language", headers.ContentLanguage);
        request.SetIfNotEmpty("x-ms-blob-content-disposition", headers.ContentDisposition);
        request.SetIfNotEmpty("x-ms-blob-cache-control", headers.CacheControl);
        if (headers.ContentHash is { Length: > 0 } hash)
        {
            request.Headers.SetValue("x-ms-blob-content-md5", Convert.ToBase64String(hash));
        }
    }

    public static void AddTags(this Request request, IDictionary<string, string>? tags)
    {
        if (tags is { Count: > 0 })
        {
            request.Headers.SetValue("x-ms-tags",
                string.Join("&", tags.Select(t => Uri.EscapeDataString(t.Key) + "=" + Uri.EscapeDataString(t.Value))));
        }
    }

    public static void AddRange(this Request request, HttpRange range)
    {
        if (range != default)
        {
            request.Headers.SetValue("x-ms-range", range.ToString());
        }
    }

    public static string ListIncludes(BlobTraits traits, BlobStates states)
    {
        var include = new List<string>();
        if (traits.HasFlag(BlobTraits.CopyStatus)) include.Add("copy");
        if (traits.HasFlag(BlobTraits.Metadata)) include.Add("metadata");
        if (traits.HasFlag(BlobTraits.Tags)) include.Add("tags");
        if (traits.HasFlag(BlobTraits.ImmutabilityPolicy)) include.Add("immutabilitypolicy");
        if (traits.HasFlag(BlobTraits.LegalHold)) include.Add("legalhold");
        if (states.HasFlag(BlobStates.Snapshots)) include.Add("snapshots");
        if (states.HasFlag(BlobStates.Uncommitted)) include.Add("uncommittedblobs");
        if (states.HasFlag(BlobStates.Deleted)) include.Add("deleted");
        if (states.HasFlag(BlobStates.Version)) include.Add("versions");
        if (states.HasFlag(BlobStates.DeletedWithVersions)) include.Add("deletedwithversions");
        return string.Join(",", include);
    }
}
