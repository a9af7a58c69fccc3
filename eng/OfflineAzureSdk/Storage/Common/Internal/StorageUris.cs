namespace Azure.Storage.Internal;

/// <summary>
/// Storage URIs come in two shapes: host style (<c>https://account.blob.core.windows.net/container/blob</c>)
/// and path style, used by Azurite and IP endpoints (<c>http://127.0.0.1:10000/account/container/blob</c>).
/// </summary>
internal static class StorageUris
{
    public static bool IsPathStyle(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
        || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || uri.Port is >= 10000 and <= 10009;

    public static string AccountName(Uri uri)
    {
        if (IsPathStyle(uri))
        {
            return Segments(uri).FirstOrDefault() ?? "";
        }
        var dot = uri.Host.IndexOf('.');
        return dot > 0 ? uri.Host[..dot] : "";
    }

    /// <summary>The unescaped path segments after the account (path style) or the host (host style).</summary>
    public static IReadOnlyList<string> ResourceSegments(Uri uri)
    {
        var segments = Segments(uri);
        return IsPathStyle(uri) ? segments.Skip(1).ToList() : segments;
    }

    /// <summary>The rest of the path after the first resource segment, e.g. a blob name with its slashes.</summary>
    public static string? ResourcePathAfterFirst(Uri uri)
    {
        var segments = ResourceSegments(uri);
        return segments.Count < 2 ? null : string.Join("/", segments.Skip(1));
    }

    /// <summary>Appends an already escaped path to a URI, keeping its query (e.g. a SAS).</summary>
    public static Uri AppendPath(Uri baseUri, string escapedPath)
    {
        var builder = new UriBuilder(baseUri);
        builder.Path = builder.Path.TrimEnd('/') + "/" + escapedPath;
        return builder.Uri;
    }

    public static string EscapeSegment(string name) => Uri.EscapeDataString(name);

    /// <summary>Escapes each '/'-separated part of a blob name, keeping the slashes as path separators.</summary>
    public static string EscapePath(string name) => string.Join("/", name.Split('/').Select(Uri.EscapeDataString));

    private static List<string> Segments(Uri uri) =>
        uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
}
