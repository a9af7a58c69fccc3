using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Storage;

namespace OrgFunctions.Outbox;

/// <summary>
/// Outbox events as rows of the tree's partition, so a change and its events go in one transaction
/// (DESIGN §4): both are stored or neither is.
/// </summary>
public static class OutboxRows
{
    public static TableTransactionAction Add(string partitionKey, DomainEvent e) => new(TableTransactionActionType.Add, new EventEntity
    {
        PartitionKey = partitionKey,
        RowKey = RowKeys.Event(e.OccurredAt, e.Id),
        EventId = e.Id,
        Type = e.Type,
        OrgId = e.OrgId,
        OccurredAt = e.OccurredAt,
        Actor = e.Actor,
        Data = e.Data.ToJsonString(),
        FanOut = FanOutPending,
    });

    /// <summary>"pending" until the webhook fan-out has enqueued the event's deliveries, then "done".</summary>
    public const string FanOutColumn = nameof(EventEntity.FanOut);
    public const string FanOutPending = "pending";
    public const string FanOutDone = "done";

    public static DomainEvent Read(EventEntity row) =>
        new(row.EventId, row.Type, row.OrgId, row.OccurredAt, row.Actor, JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>(row.Data)!);

    /// <summary>The merge that marks <paramref name="row"/>'s deliveries enqueued.</summary>
    public static EventFannedOutEntity FannedOut(EventEntity row, DateTimeOffset at) =>
        new() { PartitionKey = row.PartitionKey, RowKey = row.RowKey, FannedOutAt = at };
}
