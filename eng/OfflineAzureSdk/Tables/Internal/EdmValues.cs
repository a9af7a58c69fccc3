using System.Globalization;

namespace Azure.Data.Tables.Internal;

/// <summary>Wire formats of the EDM types the Table service stores.</summary>
internal static class EdmValues
{
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";
    public const string Boolean = "Edm.Boolean";
    public const string Int32 = "Edm.Int32";
    public const string String = "Edm.String";

    /// <summary>Edm.DateTime is UTC with up to 7 fractional digits.</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseDateTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// A DateTime of unspecified kind is taken as UTC (the service has no time zones); a local one is converted.
    /// </summary>
    public static DateTimeOffset ToUtcOffset(System.DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
