using System.Globalization;
using System.Text;

namespace OrgFunctions.Storage;

/// <summary>
/// Puts user-typed text into a table key: '/', '\', '#', '?', '~', '%' and control characters become <c>~XX</c> (UTF-16
/// code unit in hex; <c>~uXXXX</c> above 0xFF), everything else stays readable. Reversible and order-preserving enough
/// for point reads; ranges over encoded keys are prefix ranges only.
/// </summary>
public static class KeyEncoding
{
    public static string Encode(string text)
    {
        StringBuilder? encoded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(c))
            {
                encoded ??= new StringBuilder(text, 0, i, text.Length + 8);
                encoded.Append(c <= 0xFF ? "~" + ((int)c).ToString("X2", CultureInfo.InvariantCulture)
                                         : "~u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                encoded?.Append(c);
            }
        }
        return encoded?.ToString() ?? text;
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '~' or '%' || char.IsControl(c);
}
