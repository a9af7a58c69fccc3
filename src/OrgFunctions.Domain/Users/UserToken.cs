using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace OrgFunctions.Domain.Users;

/// <summary>
/// A random token handed to one person for one purpose: a session (<c>ofs_</c>), an invitation's accept link
/// (<c>ofi_</c>) or a link to set a password (<c>ofp_</c>). 32 random bytes, so one SHA-256 is enough to store it (no
/// slow hash for a value nobody chose); only <see cref="Hash"/> is ever stored. The purpose is part of the token and of
/// what is hashed, so a token of one purpose is never accepted for another.
/// </summary>
public sealed class UserToken
{
    private const int SecretLength = 43; // 32 bytes, base64url without padding

    private UserToken(TokenPurpose purpose, string token)
    {
        Purpose = purpose;
        Token = token;
    }

    public TokenPurpose Purpose { get; }

    /// <summary>The whole token, shown to its holder once (in an answer or an email).</summary>
    public string Token { get; }

    /// <summary>What storage keeps: the SHA-256 of the whole token, as 64 lowercase hex digits.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Token)));

    public static UserToken Issue(TokenPurpose purpose)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new UserToken(purpose, PrefixOf(purpose) + secret);
    }

    /// <summary>False for anything not a token of <paramref name="purpose"/>'s shape, so it never reaches storage.</summary>
    public static bool TryParse([NotNullWhen(true)] string? token, TokenPurpose purpose, [NotNullWhen(true)] out UserToken? parsed)
    {
        parsed = null;
        var prefix = PrefixOf(purpose);
        if (token is null || token.Length != prefix.Length + SecretLength || !token.StartsWith(prefix, StringComparison.Ordinal)
            || token.AsSpan(prefix.Length).ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }
        parsed = new UserToken(purpose, token);
        return true;
    }

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string PrefixOf(TokenPurpose purpose) => purpose switch
    {
        TokenPurpose.Session => "ofs_",
        TokenPurpose.Invitation => "ofi_",
        TokenPurpose.PasswordSetup => "ofp_",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
