using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace OrgFunctions.Domain.Integrations;

/// <summary>A secret an integration type takes: its name, whether an integration of the type must have it, and what it is.</summary>
public sealed record IntegrationSecret(string Name, bool Required, string Description);

/// <summary>
/// One kind of service an org can connect: the JSON Schema its settings must satisfy (served as written by the catalogue)
/// and the secrets it takes. The schemas are flat objects with <c>additionalProperties: false</c>; a setting whose schema
/// says <c>"format": "uri"</c> is a URL the platform will call, so it also answers to the webhook address rules
/// (<see cref="UrlSettings"/>, checked where addresses can be resolved).
/// </summary>
public sealed class IntegrationType
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonObject _properties;
    private readonly IReadOnlyList<string> _requiredSettings;

    public IntegrationType(string name, string title, string description, string schemaText, IReadOnlyList<IntegrationSecret> secrets)
    {
        Name = name;
        Title = title;
        Description = description;
        SchemaText = schemaText;
        Schema = JsonSchema.FromText(schemaText);
        var document = JsonNode.Parse(schemaText)!.AsObject();
        _properties = document["properties"]?.AsObject() ?? [];
        _requiredSettings = document["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
        UrlSettings = _properties.Where(p => p.Value?["format"]?.GetValue<string>() == "uri").Select(p => p.Key).ToList();
        Secrets = secrets;
    }

    public string Name { get; }
    public string Title { get; }
    public string Description { get; }

    /// <summary>The settings' JSON Schema (2020-12), as the catalogue serves it.</summary>
    public string SchemaText { get; }

    public JsonSchema Schema { get; }
    public IReadOnlyList<IntegrationSecret> Secrets { get; }

    /// <summary>The settings that hold a URL the platform calls (<c>"format": "uri"</c>).</summary>
    public IReadOnlyList<string> UrlSettings { get; }

    public bool TakesSecret(string name) => Secrets.Any(s => s.Name == name);

    /// <summary>
    /// Each way <paramref name="settings"/> fails the type's schema, as (field, reason), the field named
    /// <c>settings.&lt;name&gt;</c> (<c>settings.&lt;name&gt;[i]</c> inside an array); empty when they satisfy it.
    /// </summary>
    public IReadOnlyList<(string Field, string Reason)> SettingsProblems(JsonElement settings)
    {
        var results = Schema.Evaluate(settings, Evaluation);
        if (results.IsValid)
        {
            return [];
        }
        var problems = new List<(string, string)>();
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                var location = detail.InstanceLocation.ToString();
                if (keyword == "required" && location.Length == 0 && settings.ValueKind == JsonValueKind.Object)
                {
                    problems.AddRange(_requiredSettings.Where(n => !settings.TryGetProperty(n, out _)).Select(n => ("settings." + n, "is required")));
                }
                else if (keyword.Length == 0 && detail.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal))
                {
                    problems.Add((Field(location), $"is not a setting of {Name}"));
                }
                else
                {
                    problems.Add((Field(location), Reason(location, keyword, message)));
                }
            }
        }
        return problems.Distinct().ToList();
    }

    /// <summary>A pattern's failure says which pattern; the library's other messages name the limit already.</summary>
    private string Reason(string location, string keyword, string message) =>
        keyword == "pattern" && _properties[Segments(location).FirstOrDefault() ?? ""]?["pattern"] is { } pattern
            ? $"must match {pattern.GetValue<string>()}"
            : message;

    /// <summary>The request field a JSON Pointer into the settings names: <c>/tags/0</c> is <c>settings.tags[0]</c>.</summary>
    private static string Field(string pointer)
    {
        var field = "settings";
        foreach (var segment in Segments(pointer))
        {
            field += segment.All(char.IsAsciiDigit) && segment.Length > 0 ? $"[{segment}]" : "." + segment;
        }
        return field;
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
}
