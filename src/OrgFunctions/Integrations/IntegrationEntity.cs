using OrgFunctions.Storage;

namespace OrgFunctions.Integrations;

/// <summary>
/// An org's integration: RowKey <c>int:{orgId}:{integrationId}</c> of the tree's partition (<see cref="IntegrationRow"/> maps
/// it). <see cref="Secrets"/> holds every secret of the integration sealed together (<see cref="IntegrationSecretBox"/>);
/// <see cref="SecretNames"/> says which are set, so that reading an integration never opens them.
/// </summary>
public sealed class IntegrationEntity : TableRow
{
    public string Kind { get; set; } = "integration";
    public string IntegrationId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The settings as a JSON object.</summary>
    public string Settings { get; set; } = "{}";

    /// <summary>The names of the secrets set, comma-separated (names are letters only).</summary>
    public string SecretNames { get; set; } = "";

    /// <summary>The sealed secrets (<c>dp1:…</c>); null when none is set.</summary>
    public string? Secrets { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
