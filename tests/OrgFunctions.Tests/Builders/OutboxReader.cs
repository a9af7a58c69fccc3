using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Tests.Builders;

public static class OutboxReader
{
    /// <summary>Every outbox event of a tree, oldest first.</summary>
    public static async Task<List<DomainEvent>> EventsAsync(OrgApp app, string rootId)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {rootId} and RowKey ge {RowKeys.EventPrefix} and RowKey lt {RowKeys.PrefixEnd(RowKeys.EventPrefix)}");
        var events = new List<DomainEvent>();
        await foreach (var row in app.Tables.Orgs.QueryAsync<EventEntity>(filter))
        {
            events.Add(OutboxRows.Read(row));
        }
        return events;
    }
}
