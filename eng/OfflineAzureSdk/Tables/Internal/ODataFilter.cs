using System.Globalization;

namespace Azure.Data.Tables.Internal;

/// <summary>Builds OData $filter strings with every interpolated value written as an escaped OData literal.</summary>
internal static class ODataFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => ((long)u).ToString(CultureInfo.InvariantCulture) + "L",
        double d => Double(d),
        float f => Double(f),
        decimal m => Double((double)m),
        DateTimeOffset d => "datetime'" + EdmValues.FormatDateTime(d) + "'",
        DateTime d => "datetime'" + EdmValues.FormatDateTime(EdmValues.ToUtcOffset(d)) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + System.Convert.ToHexString(bytes) + "'",
        BinaryData data => "X'" + System.Convert.ToHexString(data.ToMemory().Span) + "'",
        Enum e => Quote(e.ToString()),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    /// <summary>Strings are single-quoted; a quote inside is doubled.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Double(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        // An integral literal would be read as Int32 and compare unequal to the stored Double.
        return text.AsSpan().IndexOfAny(".eEN") < 0 && !text.Contains("Infinity", StringComparison.Ordinal) ? text + ".0" : text;
    }
}
