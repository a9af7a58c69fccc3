namespace OrgFunctions.Domain.Blocklist;

/// <summary>
/// A phone number in E.164 form (<c>+</c>, country code, subscriber number; 8 to 15 digits in all).
/// </summary>
/// <remarks>
/// A deliberately small normaliser (no libphonenumber on our package source): it accepts international forms only —
/// a leading <c>+</c> or <c>00</c> — and drops the usual separators (spaces, dots, dashes, slashes, parentheses) and a
/// national trunk zero written as <c>(0)</c>. It does not know national numbering plans, so it can't turn a national
/// number (<c>087 123 4567</c>) into E.164, can't tell whether a country code exists, and doesn't check per-country lengths.
/// </remarks>
public readonly record struct PhoneNumber
{
    public const int MinDigits = 8;
    public const int MaxDigits = 15;

    private PhoneNumber(string value) => Value = value;

    /// <summary>E.164: <c>+</c> then digits only.</summary>
    public string Value { get; }

    public static bool TryParse(string? raw, out PhoneNumber number, out string error)
    {
        number = default;
        var text = (raw ?? "").Trim().Replace("(0)", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            error = "is empty";
            return false;
        }
        if (text.Length > 40)
        {
            error = "is too long for a phone number";
            return false;
        }

        var digits = new System.Text.StringBuilder(MaxDigits);
        var international = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+' && i == 0)
            {
                international = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '/' or '(' or ')'))
            {
                error = $"has a character a phone number can't have ('{(char.IsControl(c) ? '?' : c)}')";
                return false;
            }
        }
        if (!international && digits.Length > 2 && digits[0] == '0' && digits[1] == '0')
        {
            digits.Remove(0, 2);
            international = true;
        }
        if (!international)
        {
            error = "must be international: start with + or 00 and the country code";
            return false;
        }
        if (digits.Length is < MinDigits or > MaxDigits)
        {
            error = $"must have {MinDigits} to {MaxDigits} digits with the country code";
            return false;
        }
        if (digits[0] == '0')
        {
            error = "has no country code (a country code never starts with 0)";
            return false;
        }
        number = new PhoneNumber("+" + digits);
        error = "";
        return true;
    }

    public override string ToString() => Value;
}
