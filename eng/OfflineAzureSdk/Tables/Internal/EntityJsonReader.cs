using System.Globalization;
using System.Text.Json;

namespace Azure.Data.Tables.Internal;

/// <summary>
/// Reads an entity from the service's JSON (minimal metadata): values are typed by their "@odata.type"
/// annotation, or by their JSON kind where the service leaves the type implicit (string, bool, Int32, Double).
/// </summary>
internal static class EntityJsonReader
{
    public static TableEntity Read(JsonElement json)
    {
        var entity = new TableEntity();
        string? etag = null;
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name == EntityPropertyNames.ODataEtag)
            {
                etag = property.Value.GetString();
                continue;
            }
            if (name.StartsWith(EntityPropertyNames.ODataPrefix, StringComparison.Ordinal)
                || name.EndsWith(EntityPropertyNames.TypeAnnotationSuffix, StringComparison.Ordinal))
            {
                continue;
            }
            var edmType = json.TryGetProperty(name + EntityPropertyNames.TypeAnnotationSuffix, out var annotation)
                ? annotation.GetString()
                : name == EntityPropertyNames.Timestamp ? EdmValues.DateTime : null;
            entity[name] = ReadValue(property.Value, edmType);
        }
        if (etag is not null)
        {
            entity.ETag = new ETag(etag);
        }
        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return edmType switch
        {
            EdmValues.Int64 => value.ValueKind == JsonValueKind.String
                ? long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : value.GetInt64(),
            EdmValues.DateTime => EdmValues.ParseDateTime(value.GetString()!),
            EdmValues.Guid => Guid.Parse(value.GetString()!),
            EdmValues.Binary => value.GetBytesFromBase64(),
            EdmValues.Double => ReadDouble(value),
            EdmValues.Int32 => value.GetInt32(),
            EdmValues.Boolean => value.GetBoolean(),
            EdmValues.String => value.GetString(),
            _ => ReadUntyped(value),
        };
    }

    private static double ReadDouble(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
        : value.GetDouble();

    private static object? ReadUntyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        // The service writes Int32 without a fraction and Double with one (or an exponent).
        JsonValueKind.Number => IsIntegerLiteral(value) && value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
        _ => value.GetRawText(),
    };

    private static bool IsIntegerLiteral(JsonElement value) => value.GetRawText().AsSpan().IndexOfAny(".eE") < 0;
}
