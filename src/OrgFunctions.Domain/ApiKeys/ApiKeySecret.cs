using System.Security.Cryptography;
using System.Text;

namespace OrgFunctions.Domain.ApiKeys;

/// <summary>
/// The text a client presents: <c>ofk_{keyId}_{secret}</c>. The key id finds the stored key with one point read;
/// the secret is 32 random bytes, so a single SHA-256 is enough to store it (no slow hash is needed for a value
/// nobody chose) and the comparison is constant-time.
/// </summary>
public sealed class ApiKeySecret
{
    public const string Prefix = "ofk_";
    private const int KeyIdLength = 16;
    private const string KeyIdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private ApiKeySecret(string keyId, string secret)
    {
        KeyId = keyId;
        Secret = secret;
    }

    public string KeyId { get; }
    private string Secret { get; }

    /// <summary>The whole token, to be shown to its owner exactly once.</summary>
    public string Token => Prefix + KeyId + "_" + Secret;

    public string Hash => HashOf(Secret);

    public static ApiKeySecret Generate()
    {
        Span<byte> idBytes = stackalloc byte[KeyIdLength];
        RandomNumberGenerator.Fill(idBytes);
        var keyId = string.Create(KeyIdLength, idBytes.ToArray(), (chars, bytes) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = KeyIdAlphabet[bytes[i] & 31];
            }
        });
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new ApiKeySecret(keyId, secret);
    }

    /// <summary>Splits a presented token; false for anything not of our shape (so it never reaches storage).</summary>
    public static bool TryParse(string? token, out ApiKeySecret parsed)
    {
        parsed = null!;
        if (token is null || token.Length != Prefix.Length + KeyIdLength + 1 + 43 || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var keyId = token.Substring(Prefix.Length, KeyIdLength);
        if (token[Prefix.Length + KeyIdLength] != '_' || !keyId.All(c => KeyIdAlphabet.Contains(c)))
        {
            return false;
        }
        parsed = new ApiKeySecret(keyId, token[(Prefix.Length + KeyIdLength + 1)..]);
        return true;
    }

    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(storedHash));

    private static string HashOf(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    // The secret must never reach a log through ToString.
    public override string ToString() => Prefix + KeyId + "_***";
}
