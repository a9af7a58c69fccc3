using System.Globalization;
using System.Xml.Linq;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs.Internal;

/// <summary>Reads a List Blobs response: <c>EnumerationResults/Blobs/Blob</c> and <c>NextMarker</c>.</summary>
internal static class BlobListingReader
{
    public static (List<BlobItem> Items, string? NextMarker) Read(XDocument xml)
    {
        var root = xml.Root ?? throw new InvalidOperationException("List Blobs returned an empty document.");
        var items = root.Element("Blobs")?.Elements("Blob").Select(ReadItem).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return (items, string.IsNullOrEmpty(next) ? null : next);
    }

    private static BlobItem ReadItem(XElement blob)
    {
        var props = blob.Element("Properties");
        string? P(string name) => props?.Element(name)?.Value is { Length: > 0 } v ? v : null;
        return new BlobItem
        {
            Name = blob.Element("Name")?.Value ?? "",
            Deleted = bool.TryParse(blob.Element("Deleted")?.Value, out var deleted) && deleted,
            Snapshot = blob.Element("Snapshot")?.Value,
            VersionId = blob.Element("VersionId")?.Value,
            IsLatestVersion = bool.TryParse(blob.Element("IsCurrentVersion")?.Value, out var latest) ? latest : null,
            Metadata = ReadMap(blob.Element("Metadata")),
            Tags = blob.Element("Tags") is { } tags
                ? tags.Descendants("Tag").ToDictionary(t => t.Element("Key")?.Value ?? "", t => t.Element("Value")?.Value ?? "")
                : null,
            Properties = new BlobItemProperties
            {
                LastModified = StorageHeaders.ParseHttpDate(P("Last-Modified")),
                CreatedOn = StorageHeaders.ParseHttpDate(P("Creation-Time")),
                ContentLength = long.TryParse(P("Content-Length"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) ? length : null,
                ContentType = P("Content-Type"),
                ContentEncoding = P("Content-Encoding"),
                ContentLanguage = P("Content-Language"),
                ContentHash = BlobHeaderReader.Base64(P("Content-MD5")),
                ContentDisposition = P("Content-Disposition"),
                CacheControl = P("Cache-Control"),
                BlobType = BlobHeaderReader.ParseBlobType(P("BlobType")),
                LeaseStatus = BlobHeaderReader.ParseLeaseStatus(P("LeaseStatus")),
                LeaseState = BlobHeaderReader.ParseLeaseState(P("LeaseState")),
                LeaseDuration = BlobHeaderReader.ParseLeaseDuration(P("LeaseDuration")),
                ETag = P("Etag") is { } etag ? new ETag(etag) : null,
            },
        };
    }

    private static Dictionary<string, string> ReadMap(XElement? element)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in element?.Elements() ?? [])
        {
            map[entry.Name.LocalName] = entry.Value;
        }
        return map;
    }
}
