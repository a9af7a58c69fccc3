using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>An application property as stored in an envelope: its type's name and its invariant text.</summary>
internal sealed record StoredProperty(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string? Value);

/// <summary>
/// Stores application properties with their types, so a receiver gets back an <c>int</c> where an
/// <c>int</c> was sent (JSON alone would turn every number into one kind). The types are the ones
/// Service Bus accepts for application properties; any other is refused at send, as the real client does.
/// </summary>
internal static class ApplicationPropertyCodec
{
    private static readonly Dictionary<Type, (string Name, Func<object, string> Write)> Writers = new()
    {
        [typeof(string)] = ("string", v => (string)v),
        [typeof(bool)] = ("bool", v => (bool)v ? "true" : "false"),
        [typeof(byte)] = ("byte", v => ((byte)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(sbyte)] = ("sbyte", v => ((sbyte)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(short)] = ("short", v => ((short)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(ushort)] = ("ushort", v => ((ushort)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(int)] = ("int", v => ((int)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(uint)] = ("uint", v => ((uint)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(long)] = ("long", v => ((long)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(ulong)] = ("ulong", v => ((ulong)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(float)] = ("float", v => ((float)v).ToString("R", CultureInfo.InvariantCulture)),
        [typeof(double)] = ("double", v => ((double)v).ToString("R", CultureInfo.InvariantCulture)),
        [typeof(decimal)] = ("decimal", v => ((decimal)v).ToString(CultureInfo.InvariantCulture)),
        [typeof(char)] = ("char", v => ((char)v).ToString()),
        [typeof(Guid)] = ("guid", v => ((Guid)v).ToString("D")),
        [typeof(DateTime)] = ("datetime", v => ((DateTime)v).ToString("O", CultureInfo.InvariantCulture)),
        [typeof(DateTimeOffset)] = ("datetimeoffset", v => ((DateTimeOffset)v).ToString("O", CultureInfo.InvariantCulture)),
        [typeof(TimeSpan)] = ("timespan", v => ((TimeSpan)v).ToString("c", CultureInfo.InvariantCulture)),
        [typeof(Uri)] = ("uri", v => ((Uri)v).OriginalString),
    };

    private static readonly Dictionary<string, Func<string, object>> Readers = new()
    {
        ["string"] = s => s,
        ["bool"] = s => bool.Parse(s),
        ["byte"] = s => byte.Parse(s, CultureInfo.InvariantCulture),
        ["sbyte"] = s => sbyte.Parse(s, CultureInfo.InvariantCulture),
        ["short"] = s => short.Parse(s, CultureInfo.InvariantCulture),
        ["ushort"] = s => ushort.Parse(s, CultureInfo.InvariantCulture),
        ["int"] = s => int.Parse(s, CultureInfo.InvariantCulture),
        ["uint"] = s => uint.Parse(s, CultureInfo.InvariantCulture),
        ["long"] = s => long.Parse(s, CultureInfo.InvariantCulture),
        ["ulong"] = s => ulong.Parse(s, CultureInfo.InvariantCulture),
        ["float"] = s => float.Parse(s, CultureInfo.InvariantCulture),
        ["double"] = s => double.Parse(s, CultureInfo.InvariantCulture),
        ["decimal"] = s => decimal.Parse(s, CultureInfo.InvariantCulture),
        ["char"] = s => s[0],
        ["guid"] = s => Guid.Parse(s),
        ["datetime"] = s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        ["datetimeoffset"] = s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        ["timespan"] = s => TimeSpan.ParseExact(s, "c", CultureInfo.InvariantCulture),
        ["uri"] = s => new Uri(s, UriKind.RelativeOrAbsolute),
    };

    public static StoredProperty Write(string key, object? value)
    {
        if (value is null)
        {
            return new StoredProperty("null", null);
        }
        if (!Writers.TryGetValue(value.GetType(), out var writer))
        {
            throw new SerializationException(
                $"Serialization failed due to an unsupported type, {value.GetType().FullName} (application property '{key}').");
        }
        return new StoredProperty(writer.Name, writer.Write(value));
    }

    /// <remarks>Returns null for a stored null; Service Bus allows a null property value.</remarks>
    public static object? Read(StoredProperty stored)
    {
        if (stored.Type == "null" || stored.Value is null)
        {
            return null;
        }
        return Readers.TryGetValue(stored.Type, out var reader)
            ? reader(stored.Value)
            : throw new FormatException($"Unknown application property type '{stored.Type}' in a stored message.");
    }

    public static Dictionary<string, StoredProperty> WriteAll(IEnumerable<KeyValuePair<string, object>> properties) =>
        properties.ToDictionary(p => p.Key, p => Write(p.Key, p.Value));

    public static Dictionary<string, object> ReadAll(IReadOnlyDictionary<string, StoredProperty>? stored) =>
        stored is null ? new Dictionary<string, object>() : stored.ToDictionary(p => p.Key, p => Read(p.Value)!);
}
