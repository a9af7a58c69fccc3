using System.Text.Json.Serialization;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// A Service Bus message as the text of a Storage queue message: what the broker would keep about it.
/// The delivery count is not stored: it is the queue message's dequeue count, less the receipts that
/// only re-hid a message scheduled beyond the Storage visibility limit (<see cref="HiddenReceipts"/>).
/// </summary>
internal sealed record MessageEnvelope
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("v")] public int Version { get; init; } = CurrentVersion;
    [JsonPropertyName("messageId")] public required string MessageId { get; init; }
    [JsonPropertyName("body")] public required byte[] Body { get; init; }
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }
    [JsonPropertyName("correlationId")] public string? CorrelationId { get; init; }
    [JsonPropertyName("subject")] public string? Subject { get; init; }
    [JsonPropertyName("to")] public string? To { get; init; }
    [JsonPropertyName("replyTo")] public string? ReplyTo { get; init; }
    [JsonPropertyName("properties")] public Dictionary<string, StoredProperty> Properties { get; init; } = new();
    [JsonPropertyName("timeToLive")] public TimeSpan? TimeToLive { get; init; }
    [JsonPropertyName("enqueuedTime")] public DateTimeOffset EnqueuedTime { get; init; }
    [JsonPropertyName("sequenceNumber")] public long SequenceNumber { get; init; }

    /// <summary>Set when the message was scheduled: it is not delivered before this time.</summary>
    [JsonPropertyName("scheduledEnqueueTime")] public DateTimeOffset? ScheduledEnqueueTime { get; init; }

    /// <summary>True when <c>ScheduleMessageAsync</c> recorded it, so it can be cancelled by sequence number.</summary>
    [JsonPropertyName("cancellable")] public bool Cancellable { get; init; }

    [JsonPropertyName("hiddenReceipts")] public int HiddenReceipts { get; init; }
    [JsonPropertyName("deadLetterSource")] public string? DeadLetterSource { get; init; }

    [JsonIgnore]
    public DateTimeOffset ExpiresAt => TimeToLive is not { } ttl || ttl >= DateTimeOffset.MaxValue - EnqueuedTime
        ? DateTimeOffset.MaxValue
        : EnqueuedTime + ttl;
}
