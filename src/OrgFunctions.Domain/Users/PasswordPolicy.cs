using System.Text;

namespace OrgFunctions.Domain.Users;

/// <summary>
/// What a new password must be (NIST SP 800-63B §3.1.1.2): 12 to 128 characters, any characters people can type, no
/// composition rules, and not the user's own email address. Passwords are compared in NFKC, so one typed on another
/// keyboard or input method still matches.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>Why <paramref name="password"/> can't be the password of <paramref name="email"/>, or null when it can.</summary>
    public static string? Problem(string? password, EmailAddress? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "is required";
        }
        if (HasUnpairedSurrogate(password))
        {
            return "must be valid Unicode text";
        }
        if (password.Any(char.IsControl))
        {
            return "must not contain control characters";
        }
        var length = Normalise(password).EnumerateRunes().Count();
        if (length < MinLength)
        {
            return $"must be at least {MinLength} characters";
        }
        if (length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }
        if (email is not null && string.Equals(password.Trim(), email.Value, StringComparison.OrdinalIgnoreCase))
        {
            return "must not be your email address";
        }
        return null;
    }

    /// <summary>The form a password is hashed and verified in.</summary>
    public static string Normalise(string password) => password.Normalize(NormalizationForm.FormKC);

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }
        return false;
    }
}
