using System.Text.Json.Nodes;

namespace OrgFunctions.Integrations;

/// <summary>
/// An integration as the API shows it: <c>secrets</c> maps each secret the type takes to <c>"set"</c> or null, never to a
/// value (<see cref="IntegrationSecretBox"/> keeps those).
/// </summary>
public sealed record IntegrationView(string Id, string Type, string? Description, JsonObject Settings,
    IReadOnlyDictionary<string, string?> Secrets, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const string Set = "set";

    public static IntegrationView From(IntegrationRecord record)
    {
        var integration = record.Integration;
        var secrets = integration.Type.Secrets.ToDictionary(s => s.Name, s => integration.SecretNames.Contains(s.Name) ? Set : null);
        return new IntegrationView(integration.Id, integration.Type.Name, integration.Description, integration.Settings, secrets,
            record.CreatedAt, record.UpdatedAt);
    }
}
