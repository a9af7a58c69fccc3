using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrgFunctions.Domain.Integrations;

/// <summary>
/// Everything an integration's settings and secrets must satisfy once a change applies, as one list of (field, reason):
/// the settings against the type's schema and <see cref="Integration.MaxSettingsLength"/>, the secrets by
/// <see cref="IntegrationSecretRules"/>. What needs the network (a URL setting's addresses) is checked apart.
/// </summary>
public static class IntegrationRules
{
    /// <param name="settings">The settings once the change applies; null when they couldn't be read (not judged then).</param>
    public static IReadOnlyList<(string Field, string Reason)> Problems(IntegrationType type, JsonObject? settings,
        IReadOnlyDictionary<string, string?> secretChanges, IEnumerable<string> secretsSet)
    {
        var problems = new List<(string Field, string Reason)>();
        if (settings?.ToJsonString() is { } text)
        {
            if (text.Length > Integration.MaxSettingsLength)
            {
                problems.Add(("settings", $"must be at most {Integration.MaxSettingsLength} characters of JSON"));
            }
            else
            {
                using var document = JsonDocument.Parse(text);
                problems.AddRange(type.SettingsProblems(document.RootElement));
            }
        }
        problems.AddRange(IntegrationSecretRules.Problems(type, secretChanges, secretsSet));
        return problems;
    }
}
