using Azure.Data.Tables;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// Every row of a tree's partition with its ETag: two equal snapshots mean nothing in the tree was written. An outbox
/// event is taken by its id and its content but not its ETag: the webhook fan-out (a timer of every host) marks events
/// <c>FanOut = done</c> (and <c>FannedOutAt</c>) whenever it runs, which is no write of the request under test; an event added or changed by
/// the request still shows.
/// </summary>
public static class PartitionSnapshot
{
    /// <summary>Written with <c>FanOut = done</c> by the fan-out (FanOutService.MarkDoneAsync).</summary>
    private const string FannedOutAt = "FannedOutAt";

    public static async Task<SortedDictionary<string, string>> TakeAsync(OrgApp app, string rootId)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in app.Tables.Orgs.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {rootId}")))
        {
            rows[row.RowKey] = row.RowKey.StartsWith(RowKeys.EventPrefix, StringComparison.Ordinal)
                ? "event " + string.Join(";", row.Where(p => p.Key is not (OutboxRows.FanOutColumn or FannedOutAt or "Timestamp" or "odata.etag"))
                    .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))
                : row.ETag.ToString();
        }
        return rows;
    }
}
