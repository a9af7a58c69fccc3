using OrgFunctions.Application;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.OrgItems;
using OrgFunctions.Storage;

namespace OrgFunctions.Integrations;

/// <summary>Reads an org's integrations (<see cref="OrgItemStore"/>): one range query per page, one point read for one.</summary>
public sealed class IntegrationStore(OrgTables tables, OrgItemStore items)
{
    public static readonly OrgItemKind<IntegrationRecord> Kind = OrgItemKind.Of<IntegrationEntity, IntegrationRecord>("integration",
        RowKeys.IntegrationPrefix, RowKeys.Integration, IntegrationRow.Read, i => i.ETag);

    public Task<IntegrationRecord?> GetAsync(OrgPath org, string integrationId, CancellationToken cancellationToken) =>
        items.GetAsync(Kind, org, integrationId, cancellationToken);

    public async Task<ListPage<IntegrationRecord>> PageAsync(OrgPath org, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = RowKeys.PrefixFilter(org.RootId.Value, RowKeys.IntegrationPrefix(org.OrgId));
        await foreach (var rows in tables.Orgs.QueryAsync<IntegrationEntity>(filter, page.Size, cancellationToken: cancellationToken)
                           .AsPages(page.StorageToken, page.Size))
        {
            return new ListPage<IntegrationRecord>(rows.Values.Select(IntegrationRow.Read).ToList(), rows.ContinuationToken);
        }
        return new ListPage<IntegrationRecord>([], null);
    }
}
