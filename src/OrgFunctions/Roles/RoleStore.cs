using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Roles;

/// <summary>Reads the roles of one org: one range query for the list, one point read for a role.</summary>
public sealed class RoleStore(OrgTables tables)
{
    public async Task<IReadOnlyList<RoleRecord>> ListAsync(OrgPath org, CancellationToken cancellationToken)
    {
        var prefix = RowKeys.RolePrefix(org.OrgId);
        var filter = RowKeys.PrefixFilter(org.RootId.Value, prefix);
        var roles = new List<RoleRecord>();
        await foreach (var row in tables.Orgs.QueryAsync<RoleEntity>(filter, cancellationToken: cancellationToken))
        {
            roles.Add(RoleRow.Read(row));
        }
        return roles;
    }

    public async Task<RoleRecord?> GetAsync(OrgPath org, string roleId, CancellationToken cancellationToken)
    {
        if (roleId.Length is 0 or > 64 || roleId.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
        {
            return null;
        }
        var row = await tables.Orgs.GetEntityIfExistsAsync<RoleEntity>(org.RootId.Value, RowKeys.Role(org.OrgId, roleId),
            cancellationToken: cancellationToken);
        return row.HasValue ? RoleRow.Read(row.Value!) : null;
    }

    /// <summary>True if any API key or user of the org has the role.</summary>
    public async Task<bool> InUseAsync(OrgPath org, string roleId, CancellationToken cancellationToken)
    {
        foreach (var prefix in new[] { RowKeys.KeyPrefix(org.OrgId), $"user:{org.OrgId}:" })
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
