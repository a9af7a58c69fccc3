using Azure.Data.Tables;
using OrgFunctions.Application;
using OrgFunctions.Domain;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;

namespace OrgFunctions.Users.Invitations;

/// <summary>Invitations of one tree's orgs: by org and id (one point read), by accept token (two), an org's page (one range query).</summary>
public sealed class InvitationStore(OrgTables tables)
{
    public async Task<InvitationRecord?> GetAsync(OrgPath org, string invitationId, CancellationToken cancellationToken)
    {
        if (!ItemIds.IsWellFormed(invitationId))
        {
            return null;
        }
        await tables.EnsureCreatedAsync();
        var row = await tables.Orgs.GetEntityIfExistsAsync<InvitationEntity>(org.RootId.Value, RowKeys.Invitation(org.OrgId, invitationId),
            cancellationToken: cancellationToken);
        return row.HasValue ? InvitationRow.Read(row.Value!) : null;
    }

    /// <summary>The invitation the token was issued for (its index row, then its row), or null; the caller compares the token's hash.</summary>
    public async Task<InvitationRecord?> FindByTokenAsync(UserToken token, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var index = await tables.Index.GetEntityIfExistsAsync<InvitationTokenEntity>(IndexKeys.InvitationToken(token.Hash), IndexKeys.RowKey,
            cancellationToken: cancellationToken);
        return index.HasValue ? await GetAsync(OrgPath.Parse(index.Value!.Path), index.Value.InvitationId, cancellationToken) : null;
    }

    /// <summary>Locates a new token before the transaction that stores its hash in the invitation.</summary>
    public async Task IndexAsync(OrgPath org, string invitationId, UserToken token, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await tables.Index.UpsertEntityAsync(InvitationRow.Index(org, invitationId, token.Hash), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>One page of the org's invitations, by id.</summary>
    public async Task<ListPage<InvitationRecord>> PageAsync(OrgPath org, PageRequest page, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var filter = RowKeys.PrefixFilter(org.RootId.Value, RowKeys.InvitationPrefix(org.OrgId));
        await foreach (var found in tables.Orgs.QueryAsync<InvitationEntity>(filter, maxPerPage: page.Size, cancellationToken: cancellationToken)
            .AsPages(page.StorageToken, page.Size))
        {
            return new ListPage<InvitationRecord>(found.Values.Select(InvitationRow.Read).ToList(), found.ContinuationToken);
        }
        return new ListPage<InvitationRecord>([], null);
    }
}
