using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Orgs;

/// <summary>
/// How many live or provisioning children an org has, kept in a counter row in its tree's partition, so that a new
/// child's row and its count are written in one transaction (on the counter's ETag): two provisionings racing for the
/// last slot under a limit can't both take it. Where the row doesn't exist yet (orgs made before counters, or by test
/// builders) the first count is a range query over the children, and the first increment creates the row.
/// </summary>
public sealed class ChildCounts(OrgTables tables)
{
    /// <summary>
    /// Writes that lose a race on a counter read it again, up to this many times: children created at once under one
    /// parent take turns, one per round.
    /// </summary>
    public const int MaxAttempts = 20;

    /// <summary>A short random pause before the next attempt, growing with the attempts, so racers spread out.</summary>
    public static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(Random.Shared.Next(0, Math.Min(200, 10 * attempt) + 1), cancellationToken);

    public async Task<int> CountAsync(OrgPath parent, CancellationToken cancellationToken) =>
        (await ReadAsync(parent, cancellationToken)).Count;

    /// <summary>The count now, and the action that adds one to it: submit it with the new child's row.</summary>
    public async Task<(int Count, TableTransactionAction Increment)> ReserveAsync(OrgPath parent, CancellationToken cancellationToken)
    {
        var (count, row) = await ReadAsync(parent, cancellationToken);
        var next = Row(parent, count + 1);
        return (count, row is null
            ? new TableTransactionAction(TableTransactionActionType.Add, next)
            : new TableTransactionAction(TableTransactionActionType.UpdateMerge, next, row.ETag));
    }

    /// <summary>
    /// The action that takes one off, to submit with the child's move to Deleted; none while there's no counter row (the
    /// first count will query, and the deleted child isn't counted).
    /// </summary>
    public async Task<TableTransactionAction?> ReleaseAsync(OrgPath parent, CancellationToken cancellationToken)
    {
        return await RowAsync(parent, cancellationToken) is { } row
            ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, Row(parent, Math.Max(0, Count(row) - 1)), row.ETag)
            : null;
    }

    private async Task<(int Count, ChildCountEntity? Row)> ReadAsync(OrgPath parent, CancellationToken cancellationToken)
    {
        return await RowAsync(parent, cancellationToken) is { } row
            ? (Count(row), row)
            : (await QueryAsync(parent, cancellationToken), null);
    }

    private async Task<ChildCountEntity?> RowAsync(OrgPath parent, CancellationToken cancellationToken)
    {
        var row = await tables.Orgs.GetEntityIfExistsAsync<ChildCountEntity>(parent.RootId.Value, RowKeys.ChildCount(parent.OrgId),
            cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static int Count(ChildCountEntity row) => row.Count ?? 0;

    private async Task<int> QueryAsync(OrgPath parent, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {parent.RootId.Value} and RowKey gt {RowKeys.Org(parent)} and RowKey lt {RowKeys.OrgSubtreeEnd(parent)} and Depth eq {parent.Depth + 1} and Status ne {nameof(OrgStatus.Deleted)}");
        var count = 0;
        await foreach (var _ in tables.Orgs.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    private static ChildCountEntity Row(OrgPath parent, int count) =>
        new() { PartitionKey = parent.RootId.Value, RowKey = RowKeys.ChildCount(parent.OrgId), Count = count };
}

/// <summary>The counter row of an org's live and provisioning children (RowKey <c>children:{orgId}</c>).</summary>
public sealed class ChildCountEntity : TableRow
{
    public string Kind { get; set; } = "child-count";
    public int? Count { get; set; }
}
