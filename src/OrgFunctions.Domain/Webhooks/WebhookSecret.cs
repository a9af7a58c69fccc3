using System.Security.Cryptography;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// A signing secret as Standard Webhooks writes it: <c>whsec_</c> + base64 of the key bytes (at least 24; we make 32).
/// The HMAC key is the decoded bytes. <see cref="ToString"/> never shows it, so it can't leak into a log by accident.
/// </summary>
public sealed class WebhookSecret
{
    public const string Prefix = "whsec_";
    public const int MinimumKeyBytes = 24;
    private const int GeneratedKeyBytes = 32;

    private WebhookSecret(string text, byte[] key)
    {
        Text = text;
        Key = key;
    }

    /// <summary>The secret as shown to its owner once, and as stored.</summary>
    public string Text { get; }

    internal byte[] Key { get; }

    public static WebhookSecret Generate() => FromKey(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

    public static WebhookSecret FromKey(byte[] key) =>
        key.Length < MinimumKeyBytes
            ? throw new DomainException($"A signing key needs at least {MinimumKeyBytes} bytes.")
            : new WebhookSecret(Prefix + Convert.ToBase64String(key), key.ToArray());

    public static WebhookSecret Parse(string text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new DomainException("A signing secret starts with 'whsec_'.");
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text[Prefix.Length..]);
        }
        catch (FormatException)
        {
            throw new DomainException("A signing secret is 'whsec_' followed by base64.");
        }
        return FromKey(key);
    }

    public override string ToString() => Prefix + "…";
}
