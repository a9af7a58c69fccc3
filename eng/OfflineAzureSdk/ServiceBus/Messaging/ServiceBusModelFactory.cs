namespace Azure.Messaging.ServiceBus;

/// <summary>Builds model types for tests and mocks, with the real factory's signatures.</summary>
public static class ServiceBusModelFactory
{
    public static ServiceBusReceivedMessage ServiceBusReceivedMessage(BinaryData? body, string? messageId, string? partitionKey,
        string? viaPartitionKey, string? sessionId, string? replyToSessionId, TimeSpan timeToLive, string? correlationId,
        string? subject, string? to, string? contentType, string? replyTo, DateTimeOffset scheduledEnqueueTime,
        IDictionary<string, object>? properties, Guid lockTokenGuid, int deliveryCount, DateTimeOffset lockedUntil,
        long sequenceNumber, string? deadLetterSource, long enqueuedSequenceNumber, DateTimeOffset enqueuedTime) =>
        ServiceBusReceivedMessage(body, messageId, partitionKey, viaPartitionKey, sessionId, replyToSessionId, timeToLive,
            correlationId, subject, to, contentType, replyTo, scheduledEnqueueTime, properties, lockTokenGuid, deliveryCount,
            lockedUntil, sequenceNumber, deadLetterSource, enqueuedSequenceNumber, enqueuedTime, ServiceBusMessageState.Active);

    public static ServiceBusReceivedMessage ServiceBusReceivedMessage(BinaryData? body = null, string? messageId = null,
        string? partitionKey = null, string? viaPartitionKey = null, string? sessionId = null, string? replyToSessionId = null,
        TimeSpan timeToLive = default, string? correlationId = null, string? subject = null, string? to = null,
        string? contentType = null, string? replyTo = null, DateTimeOffset scheduledEnqueueTime = default,
        IDictionary<string, object>? properties = null, Guid lockTokenGuid = default, int deliveryCount = 0,
        DateTimeOffset lockedUntil = default, long sequenceNumber = -1, string? deadLetterSource = null,
        long enqueuedSequenceNumber = 0, DateTimeOffset enqueuedTime = default,
        ServiceBusMessageState serviceBusMessageState = ServiceBusMessageState.Active) =>
        new(body ?? new BinaryData(ReadOnlyMemory<byte>.Empty), properties)
        {
            MessageId = messageId,
            PartitionKey = partitionKey,
            TransactionPartitionKey = viaPartitionKey,
            SessionId = sessionId,
            ReplyToSessionId = replyToSessionId,
            // An unset time-to-live means "never expires", as on a message sent without one.
            TimeToLive = timeToLive == default ? TimeSpan.MaxValue : timeToLive,
            CorrelationId = correlationId,
            Subject = subject,
            To = to,
            ContentType = contentType,
            ReplyTo = replyTo,
            ScheduledEnqueueTime = scheduledEnqueueTime,
            LockToken = lockTokenGuid.ToString(),
            DeliveryCount = deliveryCount,
            LockedUntil = lockedUntil,
            SequenceNumber = sequenceNumber,
            DeadLetterSource = deadLetterSource,
            EnqueuedSequenceNumber = enqueuedSequenceNumber,
            EnqueuedTime = enqueuedTime,
            State = serviceBusMessageState,
        };
}
