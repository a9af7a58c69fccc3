using System.Collections.ObjectModel;

namespace Azure.Messaging.ServiceBus;

/// <summary>
/// A message as received: read-only. Like the real type it has no public constructor; tests and the
/// local host build one with <see cref="ServiceBusModelFactory"/>.
/// </summary>
public class ServiceBusReceivedMessage
{
    // Service Bus carries the dead-letter reason and description as application properties under these names.
    internal const string DeadLetterReasonHeader = "DeadLetterReason";
    internal const string DeadLetterErrorDescriptionHeader = "DeadLetterErrorDescription";

    internal ServiceBusReceivedMessage(BinaryData body, IDictionary<string, object>? properties)
    {
        Body = body;
        ApplicationProperties = new ReadOnlyDictionary<string, object>(
            properties is null ? new Dictionary<string, object>() : new Dictionary<string, object>(properties));
    }

    public IReadOnlyDictionary<string, object> ApplicationProperties { get; }

    public BinaryData Body { get; }

    public string? ContentType { get; internal init; }

    public string? CorrelationId { get; internal init; }

    public string? DeadLetterErrorDescription =>
        ApplicationProperties.TryGetValue(DeadLetterErrorDescriptionHeader, out var value) ? value as string : null;

    public string? DeadLetterReason =>
        ApplicationProperties.TryGetValue(DeadLetterReasonHeader, out var value) ? value as string : null;

    public string? DeadLetterSource { get; internal init; }

    public int DeliveryCount { get; internal init; }

    public long EnqueuedSequenceNumber { get; internal init; }

    public DateTimeOffset EnqueuedTime { get; internal init; }

    public DateTimeOffset ExpiresAt => TimeToLive >= DateTimeOffset.MaxValue - EnqueuedTime
        ? DateTimeOffset.MaxValue
        : EnqueuedTime + TimeToLive;

    public DateTimeOffset LockedUntil { get; internal init; }

    public string LockToken { get; internal init; } = Guid.Empty.ToString();

    public string? MessageId { get; internal init; }

    public string? PartitionKey { get; internal init; }

    public string? ReplyTo { get; internal init; }

    public string? ReplyToSessionId { get; internal init; }

    public DateTimeOffset ScheduledEnqueueTime { get; internal init; }

    public long SequenceNumber { get; internal init; } = -1;

    public string? SessionId { get; internal init; }

    public ServiceBusMessageState State { get; internal init; }

    public string? Subject { get; internal init; }

    public TimeSpan TimeToLive { get; internal init; } = TimeSpan.MaxValue;

    public string? To { get; internal init; }

    public string? TransactionPartitionKey { get; internal init; }

    public override string ToString() => $"{{MessageId:{MessageId}}}";
}
