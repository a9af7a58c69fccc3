using OrgFunctions.Application;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.OrgItems;
using OrgFunctions.Storage;

namespace OrgFunctions.Integrations;

/// <summary>Reads an org's integrations (<see cref="OrgItemStore"/>): one range query per page, one point read for one.</summary>
public sealed class IntegrationStore(OrgItemStore items)
{
    public static readonly OrgItemKind<IntegrationRecord> Kind = OrgItemKind.Of<IntegrationEntity, IntegrationRecord>("integration",
        RowKeys.IntegrationPrefix, RowKeys.Integration, IntegrationRow.Read, i => i.ETag);

    public Task<IntegrationRecord?> GetAsync(OrgPath org, string integrationId, CancellationToken cancellationToken) =>
        items.GetAsync(Kind, org, integrationId, cancellationToken);

    public Task<ListPage<IntegrationRecord>> PageAsync(OrgPath org, PageRequest page, CancellationToken cancellationToken) =>
        items.PageAsync<IntegrationEntity, IntegrationRecord>(Kind, org, page, IntegrationRow.Read, cancellationToken);
}
