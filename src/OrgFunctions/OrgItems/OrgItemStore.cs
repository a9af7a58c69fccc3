using Azure;
using Azure.Data.Tables;
using OrgFunctions.Application;
using OrgFunctions.Domain;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.OrgItems;

/// <summary>
/// An org's items of one kind in its tree's partition: one range query lists them, one point read finds one (a malformed
/// id is never read), and a change is the item's rows and their events in one transaction (<see cref="OrgStore.SubmitAsync"/>),
/// answered as <see cref="OrgItemChanges"/> says and read back.
/// </summary>
public sealed class OrgItemStore(OrgTables tables, OrgStore store)
{
    public async Task<IReadOnlyList<T>> ListAsync<T>(OrgItemKind<T> kind, OrgPath org, CancellationToken cancellationToken) where T : class
    {
        var filter = RowKeys.PrefixFilter(org.RootId.Value, kind.Prefix(org.OrgId));
        var items = new List<T>();
        await foreach (var item in kind.Query(tables.Orgs, filter, cancellationToken))
        {
            items.Add(item);
        }
        return items;
    }

    /// <summary>One page of the org's items of one kind, read by <paramref name="read"/>: one range query.</summary>
    public async Task<ListPage<T>> PageAsync<TEntity, T>(OrgItemKind<T> kind, OrgPath org, PageRequest page, Func<TEntity, T> read,
        CancellationToken cancellationToken) where TEntity : class, ITableEntity, new() where T : class
    {
        var filter = RowKeys.PrefixFilter(org.RootId.Value, kind.Prefix(org.OrgId));
        await foreach (var rows in tables.Orgs.QueryAsync<TEntity>(filter, page.Size, cancellationToken: cancellationToken)
                           .AsPages(page.StorageToken, page.Size))
        {
            return new ListPage<T>(rows.Values.Select(read).ToList(), rows.ContinuationToken);
        }
        return new ListPage<T>([], null);
    }

    /// <summary>The item, or null when the org has none by that id.</summary>
    public async Task<T?> GetAsync<T>(OrgItemKind<T> kind, OrgPath org, string id, CancellationToken cancellationToken) where T : class
    {
        if (!ItemIds.IsWellFormed(id))
        {
            return null;
        }
        return await kind.Get(tables.Orgs, org.RootId.Value, kind.RowKey(org.OrgId, id), cancellationToken);
    }

    /// <summary>The item by id (404 naming the kind otherwise), at the version <paramref name="ifMatch"/> names (412 otherwise).</summary>
    public Task<Outcome<T>> FindAsync<T>(OrgItemKind<T> kind, OrgPath org, string id, ETag? ifMatch, CancellationToken cancellationToken)
        where T : class =>
        OrgItemChanges.FindForChangeAsync(GetAsync(kind, org, id, cancellationToken), kind.What, kind.ETagOf, ifMatch);

    /// <summary>Creates or replaces an item (its rows and events in one transaction) and reads it back.</summary>
    public async Task<Outcome<T>> SaveAsync<T>(OrgItemKind<T> kind, OrgPath org, string id, IReadOnlyList<TableTransactionAction> actions,
        ETag? ifMatch, Failure conflict, CancellationToken cancellationToken) where T : class
    {
        var result = await store.SubmitAsync(actions, cancellationToken);
        return OrgItemChanges.Refusal(result, ifMatch, kind.What, conflict) is { } refused
            ? refused
            : (await GetAsync(kind, org, id, cancellationToken))!;
    }

    /// <summary>Deletes an item (its rows and events in one transaction); a conflict is answered with <paramref name="conflict"/>.</summary>
    public async Task<Outcome<bool>> DeleteAsync(IReadOnlyList<TableTransactionAction> actions, string conflict, CancellationToken cancellationToken)
    {
        var result = await store.SubmitAsync(actions, cancellationToken);
        return result.Applied ? true : new Failure.Conflict(conflict);
    }
}
