using System.Globalization;
using System.Text;

namespace OrgFunctions.Domain.Text;

/// <summary>
/// The one rule for free text people type (names, display names, descriptions, key names, setting values, template and
/// phrase bodies), and the one form names are compared in for uniqueness. Decided in ADR 0013.
/// </summary>
public static class TextPolicy
{
    /// <summary>
    /// Why <paramref name="text"/> can't be stored, or null when it can. Refused everywhere: NUL and every other C0
    /// control, DEL, C1 controls, bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069), and unpaired
    /// surrogates. Line breaks (LF, CR, U+2028, U+2029) only where <paramref name="lines"/> allows them.
    /// </summary>
    public static string? Problem(string text, TextLines lines = TextLines.Single)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return "must be valid Unicode text (it has an unpaired surrogate)";
            }
            if (IsLineBreak(c))
            {
                if (lines == TextLines.Multiple)
                {
                    continue;
                }
                return "must be a single line (no line breaks)";
            }
            if (char.IsControl(c))
            {
                return $"must not contain control characters (U+{(int)c:X4})";
            }
            if (IsBidiControl(c))
            {
                return $"must not contain bidirectional override or isolate characters (U+{(int)c:X4})";
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="text"/> passes <see cref="Problem"/>.</summary>
    public static bool IsAllowed(string text, TextLines lines = TextLines.Single) => Problem(text, lines) is null;

    /// <summary>Throws a <see cref="DomainException"/> naming <paramref name="what"/> unless the text is allowed.</summary>
    public static void Ensure(string text, string what, TextLines lines = TextLines.Single)
    {
        if (Problem(text, lines) is { } problem)
        {
            throw new DomainException($"{what} {problem}.");
        }
    }

    /// <summary>Text as it is stored: trimmed and in Unicode normalisation form C, otherwise as written.</summary>
    public static string Normalise(string text)
    {
        var trimmed = text.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The form two names are compared in for uniqueness: default-ignorable code points removed, NFC, then upper-cased
    /// with the invariant culture (simple case mapping), then NFC again. So "Café" and "Cafe\u0301", "Dupx" and
    /// "D\u200Bupx", "acme" and "ACME" are one name. Not folded (no full case folding in .NET): ß vs SS, ﬁ vs FI,
    /// compatibility forms (NFKC) such as full-width letters.
    /// </summary>
    public static string Fold(string text)
    {
        var visible = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? char.ConvertToUtf32(text[i], text[i + 1])
                : text[i];
            if (!IsDefaultIgnorable(codePoint))
            {
                visible.Append(text, i, codePoint > 0xFFFF ? 2 : 1);
            }
            if (codePoint > 0xFFFF)
            {
                i++;
            }
        }
        var composed = SafeNormalize(visible.ToString());
        return SafeNormalize(composed.ToUpperInvariant());
    }

    /// <summary>Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt): invisible when rendered.</summary>
    public static bool IsDefaultIgnorable(int codePoint) => codePoint switch
    {
        0x00AD or 0x034F or 0x061C or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x115F and <= 0x1160 => true,
        >= 0x17B4 and <= 0x17B5 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    // Normalize throws on unpaired surrogates; a name with one never passes Problem, but a key must never throw.
    private static string SafeNormalize(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}

/// <summary>Whether a text field may hold line breaks.</summary>
public enum TextLines
{
    Single,
    Multiple,
}
