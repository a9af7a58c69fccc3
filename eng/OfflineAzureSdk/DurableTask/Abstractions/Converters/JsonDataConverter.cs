using System.Text.Json;

namespace Microsoft.DurableTask.Converters;

/// <summary>The default <see cref="DataConverter"/>: System.Text.Json with fields included, as in the real package.</summary>
public class JsonDataConverter : DataConverter
{
    private static readonly JsonSerializerOptions DefaultOptions = new() { IncludeFields = true };

    private readonly JsonSerializerOptions _options;

    public JsonDataConverter(JsonSerializerOptions? options = null)
    {
        _options = options ?? DefaultOptions;
    }

    public static JsonDataConverter Default { get; } = new();

    public override string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), _options);

    public override object? Deserialize(string? data, Type targetType) =>
        data is null ? null : JsonSerializer.Deserialize(data, targetType, _options);
}
