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
    public static TableTransactionAction Add(string partitionKey, DomainEvent e) =>
        new(TableTransactionActionType.Add, new TableEntity(partitionKey, RowKeys.Event(e.OccurredAt, e.Id))
        {
            ["Kind"] = "event",
            ["EventId"] = e.Id,
            ["Type"] = e.Type,
            ["OrgId"] = e.OrgId,
            ["OccurredAt"] = e.OccurredAt,
            ["Actor"] = e.Actor,
            ["Data"] = e.Data.ToJsonString(),
            [FanOutColumn] = FanOutPending,
        });

    /// <summary>"pending" until the webhook fan-out has enqueued the event's deliveries, then "done".</summary>
    public const string FanOutColumn = "FanOut";
    public const string FanOutPending = "pending";
    public const string FanOutDone = "done";

    public static DomainEvent Read(TableEntity row) => new(
        row.GetString("EventId"),
        row.GetString("Type"),
        row.GetString("OrgId"),
        row.GetDateTimeOffset("OccurredAt")!.Value,
        row.GetString("Actor"),
        JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>(row.GetString("Data"))!);
}
