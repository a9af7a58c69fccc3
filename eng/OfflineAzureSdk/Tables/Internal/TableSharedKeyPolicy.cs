using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Data.Tables.Internal;

/// <summary>
/// Signs each attempt with SharedKey for the Table service:
/// VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedResource, where Date is the x-ms-date value and the resource is
/// "/account" + the encoded request path (+ "?comp=..." when present). Azurite's path already starts with the account,
/// so the account appears twice there, as Azurite expects. Neither the key nor the signature is ever logged.
/// </summary>
internal sealed class TableSharedKeyPolicy(TableSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        base.OnSendingRequest(message);
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);

        var stringToSign = string.Join('\n',
            request.Method.Method,
            request.Headers.TryGetValue("Content-MD5", out var md5) ? md5 : string.Empty,
            request.Headers.TryGetValue("Content-Type", out var contentType) ? contentType : string.Empty,
            date,
            CanonicalizedResource(request.Uri));

        using var hmac = new HMACSHA256(credential.AccountKeyBytes);
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{signature}");
    }

    private string CanonicalizedResource(RequestUriBuilder uri)
    {
        var resource = "/" + credential.AccountName + (uri.Path.StartsWith('/') ? uri.Path : "/" + uri.Path);
        var comp = uri.Query.TrimStart('?').Split('&')
            .FirstOrDefault(p => p.StartsWith("comp=", StringComparison.OrdinalIgnoreCase));
        return comp is null ? resource : resource + "?" + comp;
    }
}
