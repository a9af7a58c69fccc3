using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> + base64 of HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>, one per
/// secret, space-separated (during a rotation both the new and the old secret sign).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Compute(WebhookSecret secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(secret.Key, signed));
    }

    public static string Header(IEnumerable<WebhookSecret> secrets, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var parts = new List<string>();
        foreach (var secret in secrets)
        {
            parts.Add(Compute(secret, id, timestamp, body));
        }
        return parts.Count == 0 ? throw new DomainException("At least one secret signs.") : string.Join(' ', parts);
    }
}
