using System.Text.Json;
using System.Text.Json.Nodes;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;

namespace OrgFunctions.Orgs;

/// <summary>An org's settings as one JSON property of its row: small, read and written with the org itself.</summary>
public static class SettingsJson
{
    public static string Write(OrgSettings settings) => new JsonArray(settings.All.Select(s => (JsonNode)new JsonObject
    {
        ["name"] = s.Name,
        ["value"] = ValueNode(s.Value),
        ["source"] = s.Source.ToString(),
        ["inheritedFrom"] = s.InheritedFrom?.Value,
    }).ToArray()).ToJsonString();

    public static OrgSettings Read(string json)
    {
        var items = JsonNode.Parse(json)!.AsArray();
        return OrgSettings.Restore(items.Select(item =>
        {
            var name = item!["name"]!.GetValue<string>();
            var from = item["inheritedFrom"]?.GetValue<string>();
            return new EffectiveSetting(name, ClrValue(item["value"]) ?? throw new FormatException($"Setting {name} has no value."),
                Enum.Parse<SettingSource>(item["source"]!.GetValue<string>()),
                from is null ? null : OrgId.Parse(from));
        }));
    }

    public static JsonNode ValueNode(object value) => value switch
    {
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        bool b => JsonValue.Create(b),
        _ => throw new InvalidOperationException($"A setting value can't be {value.GetType().Name}."),
    };

    /// <summary>A JSON value as the CLR value the setting catalogue validates: string, int or bool.</summary>
    public static object? ClrValue(JsonNode? node) => ClrValue(node is null ? default : JsonSerializer.SerializeToElement(node));

    public static object? ClrValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt32(out var i) => i,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
