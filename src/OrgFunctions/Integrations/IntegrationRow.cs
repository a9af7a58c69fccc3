using System.Text.Json.Nodes;
using Azure;
using OrgFunctions.Domain.Integrations;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Integrations;

/// <summary>An integration read from its row: the integration, its sealed secrets (opened only to change them) and its ETag.</summary>
public sealed record IntegrationRecord(OrgId OrgId, Integration Integration, string? SealedSecrets, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, ETag ETag);

/// <summary>An integration as a row of its tree's partition (<c>int:{orgId}:{integrationId}</c>).</summary>
public static class IntegrationRow
{
    public static IntegrationEntity Create(OrgPath org, Integration integration, string? sealedSecrets, DateTimeOffset createdAt,
        DateTimeOffset updatedAt) => new()
    {
        PartitionKey = org.RootId.Value,
        RowKey = RowKeys.Integration(org.OrgId, integration.Id),
        IntegrationId = integration.Id,
        OrgId = org.OrgId.Value,
        Type = integration.Type.Name,
        Description = integration.Description,
        Settings = integration.Settings.ToJsonString(),
        SecretNames = string.Join(',', integration.SecretNames),
        Secrets = sealedSecrets,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    /// <summary>
    /// The row as an integration. A type the catalogue no longer lists would make the row unreadable, so types are only
    /// ever added to it; the row is refused loudly rather than shown without its schema.
    /// </summary>
    public static IntegrationRecord Read(IntegrationEntity row)
    {
        var type = IntegrationCatalog.Find(row.Type)
            ?? throw new InvalidOperationException($"Integration {row.IntegrationId} has type '{row.Type}', which the catalogue doesn't list.");
        var names = row.SecretNames.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var integration = new Integration(row.IntegrationId, type, row.Description, JsonNode.Parse(row.Settings)!.AsObject(), names);
        return new IntegrationRecord(OrgId.Parse(row.OrgId), integration, row.Secrets, row.CreatedAt, row.UpdatedAt, row.ETag);
    }
}
