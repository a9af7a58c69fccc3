using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Storage.Internal;

/// <summary>
/// Signs every attempt with SharedKey (Blob/Queue flavour): a fresh x-ms-date, then
/// <c>Authorization: SharedKey account:HMAC-SHA256(string-to-sign)</c>. Runs per retry, after
/// every other x-ms- header has been added, because they are all part of what is signed.
/// </summary>
internal sealed class SharedKeySigningPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
        var signature = credential.ComputeHmacSha256(StringToSign(request, credential.AccountName));
        request.Headers.SetValue(HttpHeader.Names.Authorization, "SharedKey " + credential.AccountName + ":" + signature);
    }

    internal static string StringToSign(Request request, string accountName)
    {
        var contentLength = request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : "";
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(request, "Content-Encoding")).Append('\n');
        sb.Append(Header(request, "Content-Language")).Append('\n');
        sb.Append(contentLength).Append('\n');
        sb.Append(Header(request, "Content-MD5")).Append('\n');
        sb.Append(Header(request, "Content-Type")).Append('\n');
        sb.Append('\n'); // Date: x-ms-date is signed instead.
        sb.Append(Header(request, "If-Modified-Since")).Append('\n');
        sb.Append(Header(request, "If-Match")).Append('\n');
        sb.Append(Header(request, "If-None-Match")).Append('\n');
        sb.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        sb.Append(Header(request, "Range")).Append('\n');
        AppendCanonicalizedHeaders(sb, request);
        AppendCanonicalizedResource(sb, request.Uri.ToUri(), accountName);
        return sb.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : "";

    private static void AppendCanonicalizedHeaders(StringBuilder sb, Request request)
    {
        var headers = new List<(string Name, string Value)>();
        foreach (var header in request.Headers)
        {
            if (header.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add((header.Name.ToLowerInvariant(), header.Value.Trim()));
            }
        }
        foreach (var (name, value) in headers.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    // "/account/path" plus one "\nname:v1,v2" line per query parameter, names lower-cased and sorted.
    // Against Azurite the path itself starts with the account, so it appears twice (DESIGN §8).
    private static void AppendCanonicalizedResource(StringBuilder sb, Uri uri, string accountName)
    {
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return;
        }
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }
            values.Add(value);
        }
        foreach (var (name, values) in parameters)
        {
            values.Sort(StringComparer.Ordinal);
            sb.Append('\n').Append(name).Append(':').Append(string.Join(",", values));
        }
    }
}
