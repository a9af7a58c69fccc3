using OrgFunctions.Storage;

namespace OrgFunctions.Outbox;

/// <summary>An outbox event's row in its tree's partition (RowKey <see cref="RowKeys.Event"/>); <see cref="OutboxRows"/> maps it.</summary>
public sealed class EventEntity : TableRow
{
    public string Kind { get; set; } = "event";
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public string OrgId { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string Actor { get; set; } = "";

    /// <summary>The event's data, as JSON.</summary>
    public string Data { get; set; } = "";

    /// <summary><see cref="OutboxRows.FanOutPending"/> until the webhook fan-out has enqueued the event's deliveries.</summary>
    public string? FanOut { get; set; }
    public DateTimeOffset? FannedOutAt { get; set; }
}

/// <summary>The columns the fan-out changes once an event's deliveries are enqueued, merged into its <see cref="EventEntity"/>.</summary>
public sealed class EventFannedOutEntity : TableRow
{
    public string FanOut { get; set; } = OutboxRows.FanOutDone;
    public DateTimeOffset FannedOutAt { get; set; }
}
