using Azure;
using Azure.Data.Tables;
using OrgFunctions.Storage;

namespace OrgFunctions.Outbox;

/// <summary>
/// Which trees may have outbox events waiting, so the fan-out reads one small partition instead of scanning the
/// whole <c>Orgs</c> table (a query without PartitionKey is a full scan in Azure). A writer marks its tree before the
/// transaction that adds events (like the org index rows, a mark only points; a stale one costs one empty range
/// query). The fan-out clears a mark only when the tree has nothing pending and the mark is older than
/// <see cref="ClearAfter"/>, with the mark's ETag, so a writer that marked just now is never forgotten.
/// </summary>
public static class PendingTrees
{
    public const string PartitionKey = "outbox-pending";

    /// <summary>Longer than any write between marking and its transaction can take.</summary>
    public static readonly TimeSpan ClearAfter = TimeSpan.FromMinutes(2);

    public static bool HasEvents(IEnumerable<TableTransactionAction> actions) =>
        actions.Any(a => a.Entity.RowKey.StartsWith(RowKeys.EventPrefix, StringComparison.Ordinal));

    public static Task MarkAsync(TableClient index, string treeId, CancellationToken cancellationToken) =>
        MarkAsync(index, PartitionKey, treeId, cancellationToken);

    /// <summary>
    /// Marks the tree in another consumer's partition of marks (the email outbox's, <c>Email/EmailOutbox</c>): each
    /// consumer clears only its own marks, so one never forgets rows another still has pending.
    /// </summary>
    public static Task MarkAsync(TableClient index, string markPartition, string treeId, CancellationToken cancellationToken) =>
        index.UpsertEntityAsync(new PendingTreeEntity { PartitionKey = markPartition, RowKey = treeId, MarkedAt = DateTimeOffset.UtcNow },
            TableUpdateMode.Replace, cancellationToken);

    public static Task<IReadOnlyList<PendingTreeEntity>> ListAsync(TableClient index, CancellationToken cancellationToken) =>
        ListAsync(index, PartitionKey, cancellationToken);

    public static async Task<IReadOnlyList<PendingTreeEntity>> ListAsync(TableClient index, string markPartition, CancellationToken cancellationToken)
    {
        var marks = new List<PendingTreeEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {markPartition}");
        await foreach (var row in index.QueryAsync<PendingTreeEntity>(filter, cancellationToken: cancellationToken))
        {
            marks.Add(row);
        }
        return marks;
    }

    /// <summary>Clears an old mark unless it was touched since it was read.</summary>
    public static async Task ClearIfIdleAsync(TableClient index, PendingTreeEntity mark, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (mark.MarkedAt is { } at && now - at < ClearAfter)
        {
            return;
        }
        try
        {
            await index.DeleteEntityAsync(mark.PartitionKey, mark.RowKey, mark.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Marked again meanwhile (or already cleared): keep it for the next run.
        }
    }
}

/// <summary>A mark that a tree may have outbox events waiting (RowKey = tree id), in the index table.</summary>
public sealed class PendingTreeEntity : TableRow
{
    public DateTimeOffset? MarkedAt { get; set; }
}
