using System.Diagnostics.CodeAnalysis;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Domain.Users;

namespace OrgFunctions.Domain.SenderIds;

/// <summary>
/// The address an org sends from on a channel: a phone number in E.164 for sms, whatsapp and voice; for sms also an
/// alphanumeric sender of 3 to 11 characters (letters, digits and spaces, at least one letter: what carriers display);
/// an email address for email. <see cref="Key"/> is the form an address is unique in across trees.
/// </summary>
public sealed record SenderAddress
{
    public const int MinAlphanumericLength = 3;
    public const int MaxAlphanumericLength = 11;

    private SenderAddress(SenderChannel channel, string value, string key)
    {
        Channel = channel;
        Value = value;
        Key = key;
    }

    public SenderChannel Channel { get; }

    /// <summary>The address as stored and shown: E.164, the alphanumeric sender as typed (trimmed), or the email.</summary>
    public string Value { get; }

    /// <summary>Channel and address in the form two registrations of one address compare equal in.</summary>
    public string Key { get; }

    public static SenderAddress Create(SenderChannel channel, string? value) =>
        TryCreate(channel, value, out var address, out var error) ? address : throw new DomainException($"A sender address {error}.");

    /// <summary>The address, or why <paramref name="value"/> can't be one on <paramref name="channel"/> (a phrase to follow the field's name).</summary>
    public static bool TryCreate(SenderChannel channel, string? value, [NotNullWhen(true)] out SenderAddress? address,
        [NotNullWhen(false)] out string? error)
    {
        address = null;
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "is required";
            return false;
        }
        switch (channel)
        {
            case SenderChannel.Email:
                if (!EmailAddress.TryCreate(text, out var email, out error))
                {
                    return false;
                }
                address = new SenderAddress(channel, email.Value, "email:" + email.Key);
                return true;
            case SenderChannel.Sms when IsAlphanumericSender(text):
                address = new SenderAddress(channel, text, "sms:" + text.ToUpperInvariant());
                error = null;
                return true;
            default:
                if (!PhoneNumber.TryParse(text, out var number, out var phoneError))
                {
                    error = channel == SenderChannel.Sms
                        ? $"must be a phone number in international form or an alphanumeric sender of {MinAlphanumericLength} to {MaxAlphanumericLength} letters, digits and spaces with a letter (the number {phoneError})"
                        : $"must be a phone number in international form (it {phoneError})";
                    return false;
                }
                address = new SenderAddress(channel, number.Value, channel.Name() + ":" + number.Value);
                error = null;
                return true;
        }
    }

    private static bool IsAlphanumericSender(string text) =>
        text.Length is >= MinAlphanumericLength and <= MaxAlphanumericLength
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ')
        && text.Any(char.IsAsciiLetter);

    public override string ToString() => Value;
}
