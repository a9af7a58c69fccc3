using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace OrgFunctions.Domain.Users;

/// <summary>
/// A user's email address: trimmed, one addr-spec (no display name, no comments), at most 254 characters with a local
/// part of at most 64 (RFC 5321), and a domain with a dot. Two addresses are the same user when their
/// <see cref="Key"/>s are equal: compared without case, as every mail provider users meet treats them.
/// </summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;

    private EmailAddress(string value) => Value = value;

    /// <summary>The address as the user typed it (trimmed): what mail is sent to.</summary>
    public string Value { get; }

    /// <summary>The form addresses are looked up and compared in.</summary>
    public string Key => Value.ToLowerInvariant();

    public static EmailAddress Create(string? value) =>
        TryCreate(value, out var email, out var error) ? email : throw new DomainException($"An email address {error}.");

    /// <summary>The address, or why <paramref name="value"/> isn't one (a phrase to follow the field's name).</summary>
    public static bool TryCreate(string? value, [NotNullWhen(true)] out EmailAddress? email, [NotNullWhen(false)] out string? error)
    {
        email = null;
        var trimmed = value?.Trim() ?? "";
        error = trimmed switch
        {
            "" => "is required",
            { Length: > MaxLength } => $"must be at most {MaxLength} characters",
            _ when !IsOneAddrSpec(trimmed) => "must be one email address such as name@example.com",
            _ when trimmed.IndexOf('@') > MaxLocalPartLength => $"must have at most {MaxLocalPartLength} characters before the @",
            _ => null,
        };
        if (error is null)
        {
            email = new EmailAddress(trimmed);
        }
        return email is not null;
    }

    public override string ToString() => Value;

    private static bool IsOneAddrSpec(string text)
    {
        // MailAddress also accepts "Name <a@b.c>" and "a@b.c (comment)": only the bare address, as typed, is one.
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || text.Count(c => c == '@') != 1
            || !MailAddress.TryCreate(text, out var parsed) || parsed.Address != text || parsed.DisplayName.Length != 0)
        {
            return false;
        }
        var domain = parsed.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }
}
