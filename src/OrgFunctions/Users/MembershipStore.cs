using Azure.Data.Tables;
using OrgFunctions.Application;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>Memberships of one tree's orgs: by org and user (one point read), and an org's or a subtree's page (one range query).</summary>
public sealed class MembershipStore(OrgTables tables)
{
    public async Task<MembershipRecord?> GetAsync(OrgPath org, string userId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Orgs.GetEntityIfExistsAsync<MembershipEntity>(org.RootId.Value, RowKeys.Member(org, userId),
            cancellationToken: cancellationToken);
        return row.HasValue ? MembershipRow.Read(row.Value!) : null;
    }

    /// <summary>One page of the org's members, or of the whole subtree's with <paramref name="includeDescendants"/>, by path then user.</summary>
    public async Task<ListPage<MembershipRecord>> PageAsync(OrgPath org, bool includeDescendants, PageRequest page,
        CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var filter = includeDescendants
            ? TableClient.CreateQueryFilter(
                $"PartitionKey eq {org.RootId.Value} and RowKey ge {RowKeys.MemberSubtreeStart(org)} and RowKey lt {RowKeys.MemberSubtreeEnd(org)}")
            : RowKeys.PrefixFilter(org.RootId.Value, RowKeys.MemberPrefix(org));
        await foreach (var found in tables.Orgs.QueryAsync<MembershipEntity>(filter, maxPerPage: page.Size, cancellationToken: cancellationToken)
            .AsPages(page.StorageToken, page.Size))
        {
            return new ListPage<MembershipRecord>(found.Values.Select(MembershipRow.Read).ToList(), found.ContinuationToken);
        }
        return new ListPage<MembershipRecord>([], null);
    }
}
