using System.Globalization;
using Azure.Core;

namespace Azure.Storage.Internal;

/// <summary>Reading and writing the headers the storage services share.</summary>
internal static class StorageHeaders
{
    public const string MetadataPrefix = "x-ms-meta-";

    public static void AddConditions(this Request request, RequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }
        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfMatch, ETagHeader(ifMatch));
        }
        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfNoneMatch, ETagHeader(ifNoneMatch));
        }
        if (conditions.IfModifiedSince is { } modifiedSince)
        {
            request.Headers.SetValue(HttpHeader.Names.IfModifiedSince, HttpDate(modifiedSince));
        }
        if (conditions.IfUnmodifiedSince is { } unmodifiedSince)
        {
            request.Headers.SetValue(HttpHeader.Names.IfUnmodifiedSince, HttpDate(unmodifiedSince));
        }
    }

    public static void AddMetadata(this Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }
        foreach (var (name, value) in metadata)
        {
            request.Headers.SetValue(MetadataPrefix + name, value);
        }
    }

    public static void SetIfNotEmpty(this Request request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.SetValue(name, value);
        }
    }

    public static IDictionary<string, string> ReadMetadata(this Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }
        return metadata;
    }

    public static string? Header(this Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    public static DateTimeOffset DateHeader(this Response response, string name) =>
        ParseHttpDate(response.Header(name)) ?? default;

    public static long LongHeader(this Response response, string name) =>
        long.TryParse(response.Header(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static bool BoolHeader(this Response response, string name) =>
        bool.TryParse(response.Header(name), out var value) && value;

    public static ETag ETagHeader(this Response response) => response.Headers.ETag ?? default;

    public static string HttpDate(DateTimeOffset value) => value.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseHttpDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;

    // ETag.ToString("H") quotes a strong tag for a header; "*" must stay bare.
    private static string ETagHeader(ETag etag) => etag == ETag.All ? "*" : etag.ToString("H");
}
