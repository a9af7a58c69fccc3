using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Blocklist;

/// <summary>
/// Marks of blocklist adds whose <c>blocklist.added</c> event may not be written yet. The entry (org partition) and the
/// event (tree partition) can't share a transaction, so an add marks first, then writes the entry and the event, then
/// clears its mark on the mark's ETag (a concurrent add of the same sender keeps its own). A mark left by a crash is
/// found by <see cref="BlocklistEventSweeper"/>. Kept in the Blocklist table, in a partition no org id can have.
/// </summary>
public sealed class PendingBlocklistEvents(OrgDataTables tables)
{
    public const string PartitionKey = "_events-pending";

    public async Task<ETag> MarkAsync(OrgPath org, string entryKey, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = await tables.Blocklist.UpsertEntityAsync(new BlocklistEventMarkEntity
        {
            PartitionKey = PartitionKey, RowKey = RowKey(org.OrgId.Value, entryKey), OrgPath = org.Value, EntryKey = entryKey, Actor = actor,
            MarkedAt = now,
        }, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? ETag.All;
    }

    /// <summary>Clears a mark unless it was marked again since (then its own add, or the sweeper, clears it).</summary>
    public Task ClearAsync(string orgId, string entryKey, ETag etag, CancellationToken cancellationToken) =>
        ClearRowAsync(RowKey(orgId, entryKey), etag, cancellationToken);

    /// <summary>Clears the mark in row <paramref name="rowKey"/> unless it changed since it was read.</summary>
    public async Task ClearRowAsync(string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Blocklist.DeleteEntityAsync(PartitionKey, rowKey, etag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    public async Task<IReadOnlyList<BlocklistEventMarkEntity>> ListAsync(int atMost, CancellationToken cancellationToken)
    {
        var marks = new List<BlocklistEventMarkEntity>();
        await foreach (var mark in tables.Blocklist.QueryAsync<BlocklistEventMarkEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}"),
                           maxPerPage: Math.Min(atMost, 1000), cancellationToken: cancellationToken))
        {
            marks.Add(mark);
            if (marks.Count >= atMost)
            {
                break;
            }
        }
        return marks;
    }

    private static string RowKey(string orgId, string entryKey) => orgId + "|" + entryKey;
}
