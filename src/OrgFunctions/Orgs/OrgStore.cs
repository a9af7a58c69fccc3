using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Orgs;

/// <summary>
/// Reads org rows. Get-by-id is two point reads (index, then the tree row); a subtree page is one range query
/// on the tree's partition; children are the same range filtered by depth.
/// </summary>
public sealed class OrgStore(OrgTables tables)
{
    public async Task<OrgLocation?> LocateAsync(string orgId, CancellationToken cancellationToken)
    {
        if (!OrgId.TryParse(orgId, out var id))
        {
            return null;
        }
        await tables.EnsureCreatedAsync();
        var index = await tables.Index.GetEntityIfExistsAsync<IndexEntity>(IndexKeys.Org(id), IndexKeys.RowKey,
            cancellationToken: cancellationToken);
        return index.HasValue ? new OrgLocation(id, OrgPath.Parse(index.Value!.Path)) : null;
    }

    /// <summary>The org at <paramref name="location"/>, or null when it is missing or deleted.</summary>
    public async Task<OrgRecord?> GetAsync(OrgLocation location, CancellationToken cancellationToken, bool includeDeleted = false)
    {
        var row = await tables.Orgs.GetEntityIfExistsAsync<OrgEntity>(location.PartitionKey, RowKeys.Org(location.Path),
            cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }
        var record = OrgRow.Read(row.Value!);
        return record.Org.Status == OrgStatus.Deleted && !includeDeleted ? null : record;
    }

    /// <summary>One page of the subtree under <paramref name="root"/> (itself excluded), depth-first, live orgs only.</summary>
    public Task<(IReadOnlyList<OrgRecord> Orgs, string? ContinuationToken)> DescendantsPageAsync(
        OrgPath root, int maxPerPage, string? continuationToken, CancellationToken cancellationToken, int? depth = null) =>
        PageAsync(SubtreeFilter(root, depth), maxPerPage, continuationToken, select: null, OrgRow.Read, cancellationToken);

    /// <summary>
    /// The same page as <see cref="DescendantsPageAsync"/>, as the API shows it: only the view's columns are read (not
    /// the settings JSON) and each row maps straight to its view, so a page costs its one query and little per org.
    /// </summary>
    public Task<(IReadOnlyList<OrgView> Orgs, string? ContinuationToken)> DescendantViewsPageAsync(
        OrgPath root, int maxPerPage, string? continuationToken, CancellationToken cancellationToken, int? depth = null) =>
        PageAsync(SubtreeFilter(root, depth), maxPerPage, continuationToken, OrgView.Columns, OrgView.From, cancellationToken);

    /// <summary>The live orgs below <paramref name="root"/> (at <paramref name="depth"/> only, if given), as one range of its tree's partition.</summary>
    public static string SubtreeFilter(OrgPath root, int? depth = null)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {root.RootId.Value} and RowKey gt {RowKeys.Org(root)} and RowKey lt {RowKeys.OrgSubtreeEnd(root)}");
        if (depth is int d)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Depth eq {d}");
        }
        return filter + " and " + TableClient.CreateQueryFilter($"Status ne {nameof(OrgStatus.Deleted)}");
    }

    private async Task<(IReadOnlyList<T> Orgs, string? ContinuationToken)> PageAsync<T>(string filter, int maxPerPage,
        string? continuationToken, IEnumerable<string>? select, Func<OrgEntity, T> map, CancellationToken cancellationToken)
    {
        await foreach (var page in tables.Orgs.QueryAsync<OrgEntity>(filter, maxPerPage, select, cancellationToken)
                           .AsPages(continuationToken, maxPerPage))
        {
            var items = new List<T>(page.Values.Count);
            foreach (var row in page.Values)
            {
                items.Add(map(row));
            }
            return (items, page.ContinuationToken);
        }
        return ([], null);
    }

    /// <summary>True if the subtree under <paramref name="root"/> holds a live org: usually one request for one row.</summary>
    public async Task<bool> HasLiveDescendantAsync(OrgPath root, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            // Storage may answer a filtered page with no rows and a token (it skipped deleted rows): keep asking.
            var (orgs, next) = await DescendantViewsPageAsync(root, 1, token, cancellationToken);
            if (orgs.Count > 0)
            {
                return true;
            }
            token = next;
        }
        while (token is not null);
        return false;
    }

    /// <summary>Every live org of the subtree, page after page (for cascades; callers bound the size).</summary>
    public async IAsyncEnumerable<OrgRecord> AllDescendantsAsync(OrgPath root,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var (orgs, next) = await DescendantsPageAsync(root, 1000, token, cancellationToken);
            foreach (var org in orgs)
            {
                yield return org;
            }
            token = next;
        }
        while (token is not null);
    }

    /// <summary>Submits one tree's transaction (at most <see cref="PartitionWrite.MaxActions"/>), a lost race as the result.</summary>
    public Task<WriteResult> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        actions.Count == 0
            ? Task.FromResult(WriteResult.Ok)
            : new PartitionWrite(actions[0].Entity.PartitionKey).Together(actions).SubmitAsync(tables, cancellationToken);
}
