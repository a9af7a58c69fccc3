using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.SenderIds;
using OrgFunctions.Storage;

namespace OrgFunctions.SenderIds;

/// <summary>
/// Keeps an address in one tree: before a root's registration is written, the address is claimed in the OrgIndex table
/// (<see cref="SenderClaimEntity"/>, keyed by the address's hash). A claim names the tree and the address's id there. A
/// claim of another tree whose registration row doesn't exist is taken over once it is older than
/// <see cref="AbandonedClaimAge"/> (a registration that crashed between claim and row), never sooner: a fresh one may be a
/// registration still in flight. Releasing the root's registration frees the claim.
/// </summary>
public sealed class SenderClaims(OrgTables tables, TimeProvider clock)
{
    public static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(5);
    private const int MaxAttempts = 3;

    /// <summary>The id the address has in <paramref name="rootId"/>'s tree, now claimed by it; null when another tree holds it.</summary>
    public async Task<string?> ClaimAsync(SenderAddress address, OrgId rootId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var claim = SenderIdRow.Claim(address, rootId, SenderId.NewId());
            try
            {
                await tables.Index.AddEntityAsync(claim, cancellationToken);
                return claim.SenderId;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }
            var existing = await FindAsync(address, cancellationToken);
            if (existing is null)
            {
                continue; // released meanwhile: claim it again
            }
            if (existing.RootId != rootId.Value)
            {
                if (await RegisteredAsync(existing, cancellationToken) || clock.GetUtcNow() - existing.Timestamp < AbandonedClaimAge)
                {
                    return null;
                }
                // An abandoned claim of another tree: taken over with a fresh id, on its ETag.
            }
            else
            {
                // This tree's own claim: the address keeps its id. Rewriting the claim (on its ETag) makes a release that
                // read it before this registration fail, instead of freeing an address being registered again.
                claim.SenderId = existing.SenderId;
            }
            try
            {
                await tables.Index.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return claim.SenderId;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Another registration or a release got there first: look again.
            }
        }
        return null;
    }

    public async Task<SenderClaimEntity?> FindAsync(SenderAddress address, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var claim = await tables.Index.GetEntityIfExistsAsync<SenderClaimEntity>(IndexKeys.SenderAddress(address.Key), IndexKeys.RowKey,
            cancellationToken: cancellationToken);
        return claim.HasValue ? claim.Value : null;
    }

    /// <summary>Frees the address once the root's registration is gone; a claim of another tree or id is left alone.</summary>
    public async Task ReleaseAsync(SenderAddress address, OrgId rootId, string senderId, CancellationToken cancellationToken)
    {
        if (await FindAsync(address, cancellationToken) is not { } claim || claim.RootId != rootId.Value || claim.SenderId != senderId)
        {
            return;
        }
        try
        {
            await tables.Index.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, claim.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Registered again (or released) meanwhile: the claim is no longer this release's to free.
        }
    }

    private async Task<bool> RegisteredAsync(SenderClaimEntity claim, CancellationToken cancellationToken)
    {
        if (!OrgId.TryParse(claim.RootId, out var root) || !SenderIdRow.IsValidId(claim.SenderId))
        {
            return false;
        }
        var row = await tables.Orgs.GetEntityIfExistsAsync<TableEntity>(claim.RootId, RowKeys.Sender(root, claim.SenderId), select: ["RowKey"],
            cancellationToken: cancellationToken);
        return row.HasValue;
    }
}
