using PhoneNumbers;

namespace OrgFunctions.Domain.Blocklist;

/// <summary>
/// A phone number in E.164 form (<c>+</c>, country code, subscriber number), read with libphonenumber: only
/// international forms (a leading <c>+</c> or <c>00</c>), with the usual separators; a length the country's numbering
/// plan allows. A number may be possible without being assigned: a blocklist blocks whatever sender it names.
/// </summary>
public readonly record struct PhoneNumber
{
    private const int MaxTypedLength = 40;
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string value) => Value = value;

    /// <summary>E.164: <c>+</c> then digits only.</summary>
    public string Value { get; }

    public static bool TryParse(string? raw, out PhoneNumber number, out string error)
    {
        number = default;
        var text = (raw ?? "").Trim();
        error = text switch
        {
            "" => "is empty",
            { Length: > MaxTypedLength } => "is too long for a phone number",
            _ => Unexpected(text) is { } c ? $"has a character a phone number can't have ('{(char.IsControl(c) ? '?' : c)}')" : "",
        };
        if (error.Length > 0)
        {
            return false;
        }
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }
        if (!text.StartsWith('+'))
        {
            error = "must be international: start with + or 00 and the country code";
            return false;
        }
        try
        {
            // "ZZ": no default region, so only the country code the number carries counts.
            var parsed = Numbers.Parse(text, "ZZ");
            error = Numbers.IsPossibleNumberWithReason(parsed) switch
            {
                PhoneNumberUtil.ValidationResult.IS_POSSIBLE => "",
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "has no known country code",
                PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => "is a local number: add the area code",
                _ => "has too few or too many digits for its country",
            };
            if (error.Length == 0)
            {
                number = new PhoneNumber(Numbers.Format(parsed, PhoneNumberFormat.E164));
            }
        }
        catch (NumberParseException ex)
        {
            error = ex.ErrorType == ErrorType.INVALID_COUNTRY_CODE ? "has no known country code" : "has too few or too many digits for its country";
        }
        return error.Length == 0;
    }

    public override string ToString() => Value;

    /// <summary>The first character that is neither a digit, a leading +, nor a separator people write (letters are refused: no vanity numbers).</summary>
    private static char? Unexpected(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '/' or '(' or ')' || (c == '+' && i == 0)))
            {
                return c;
            }
        }
        return null;
    }
}
