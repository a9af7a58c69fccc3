using System.Globalization;
using System.Text.Json;

namespace Azure.Data.Tables.Internal;

/// <summary>
/// Writes an entity's properties as the JSON body the Table service expects, annotating the types JSON cannot
/// carry (Int64, Double, DateTime, Guid, Binary) with "name@odata.type" so that they round-trip.
/// </summary>
internal static class EntityJsonWriter
{
    public static byte[] Write(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                if (value is null || name == EntityPropertyNames.Timestamp || name.StartsWith(EntityPropertyNames.ODataPrefix, StringComparison.Ordinal)
                    || name.EndsWith(EntityPropertyNames.TypeAnnotationSuffix, StringComparison.Ordinal))
                {
                    continue;
                }
                WriteProperty(writer, name, value);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                Annotate(writer, name, EdmValues.Int64);
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                Annotate(writer, name, EdmValues.Double);
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset dto:
                Annotate(writer, name, EdmValues.DateTime);
                writer.WriteString(name, EdmValues.FormatDateTime(dto));
                break;
            case DateTime dt:
                Annotate(writer, name, EdmValues.DateTime);
                writer.WriteString(name, EdmValues.FormatDateTime(EdmValues.ToUtcOffset(dt)));
                break;
            case Guid g:
                Annotate(writer, name, EdmValues.Guid);
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                Annotate(writer, name, EdmValues.Binary);
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                Annotate(writer, name, EdmValues.Binary);
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new NotSupportedException(
                    $"Property '{name}' has type {value.GetType().FullName}, which Azure Table Storage cannot store " +
                    "(supported: string, int, long, double, bool, DateTimeOffset, DateTime, Guid, byte[], BinaryData, enums).");
        }
    }

    private static void Annotate(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + EntityPropertyNames.TypeAnnotationSuffix, edmType);
}
