using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.OrgItems;
using OrgFunctions.Storage;

namespace OrgFunctions.Roles;

/// <summary>Reads the roles of one org (<see cref="OrgItemStore"/>), and whether one is in use.</summary>
public sealed class RoleStore(OrgItemStore items, OrgTables tables)
{
    public static readonly OrgItemKind<RoleRecord> Kind =
        OrgItemKind.Of<RoleEntity, RoleRecord>("role", RowKeys.RolePrefix, RowKeys.Role, RoleRow.Read, r => r.ETag);

    public Task<IReadOnlyList<RoleRecord>> ListAsync(OrgPath org, CancellationToken cancellationToken) =>
        items.ListAsync(Kind, org, cancellationToken);

    public Task<RoleRecord?> GetAsync(OrgPath org, string roleId, CancellationToken cancellationToken) =>
        items.GetAsync(Kind, org, roleId, cancellationToken);

    /// <summary>True if any API key or member of the org has the role.</summary>
    public async Task<bool> InUseAsync(OrgPath org, string roleId, CancellationToken cancellationToken)
    {
        foreach (var prefix in new[] { RowKeys.KeyPrefix(org.OrgId), RowKeys.MemberPrefix(org) })
        {
            var filter = RowKeys.PrefixFilter(org.RootId.Value, prefix) + " and " + TableClient.CreateQueryFilter($"RoleId eq {roleId}");
            await foreach (var row in tables.Orgs.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RevokedAt"], cancellationToken: cancellationToken))
            {
                if (row.GetDateTimeOffset("RevokedAt") is null)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
