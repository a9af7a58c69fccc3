using System.Text;
using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>Converts between Service Bus messages, envelopes and the queue message text that holds them.</summary>
internal static class MessageEnvelopes
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static MessageEnvelope FromMessage(ServiceBusMessage message, long sequenceNumber, DateTimeOffset enqueuedTime,
        DateTimeOffset? scheduledEnqueueTime, bool cancellable) => new()
    {
        // The real client leaves an unset id to the broker, which assigns one; here the sender is the broker.
        MessageId = string.IsNullOrEmpty(message.MessageId) ? Guid.NewGuid().ToString("N") : message.MessageId,
        Body = message.Body.ToArray(),
        ContentType = message.ContentType,
        CorrelationId = message.CorrelationId,
        Subject = message.Subject,
        To = message.To,
        ReplyTo = message.ReplyTo,
        Properties = ApplicationPropertyCodec.WriteAll(message.ApplicationProperties),
        TimeToLive = message.TimeToLive == TimeSpan.MaxValue ? null : message.TimeToLive,
        EnqueuedTime = enqueuedTime,
        SequenceNumber = sequenceNumber,
        ScheduledEnqueueTime = scheduledEnqueueTime,
        Cancellable = cancellable,
    };

    public static string ToText(MessageEnvelope envelope) => JsonSerializer.Serialize(envelope, Json);

    /// <summary>
    /// Reads an envelope; text that isn't one (a message put on the queue by another tool) becomes a
    /// message whose body is that text, so it is delivered rather than lost.
    /// </summary>
    public static MessageEnvelope FromText(string text, string queueMessageId, DateTimeOffset? insertedOn)
    {
        if (text.StartsWith('{'))
        {
            try
            {
                var envelope = JsonSerializer.Deserialize<MessageEnvelope>(text, Json);
                if (envelope is { Version: MessageEnvelope.CurrentVersion, MessageId: not null, Body: not null })
                {
                    return envelope;
                }
            }
            catch (JsonException)
            {
                // Not an envelope: fall through to a plain-text message.
            }
        }
        return new MessageEnvelope
        {
            MessageId = queueMessageId,
            Body = Encoding.UTF8.GetBytes(text),
            EnqueuedTime = insertedOn ?? DateTimeOffset.UtcNow,
            SequenceNumber = -1,
        };
    }

    public static MessageEnvelope WithProperties(MessageEnvelope envelope, IEnumerable<KeyValuePair<string, object>>? propertiesToModify)
    {
        if (propertiesToModify is null)
        {
            return envelope;
        }
        var properties = new Dictionary<string, StoredProperty>(envelope.Properties);
        foreach (var (key, value) in propertiesToModify)
        {
            properties[key] = ApplicationPropertyCodec.Write(key, value);
        }
        return envelope with { Properties = properties };
    }

    public static ServiceBusReceivedMessage ToReceivedMessage(MessageEnvelope envelope, int deliveryCount, Guid lockToken,
        DateTimeOffset lockedUntil) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: new BinaryData(envelope.Body),
            messageId: envelope.MessageId,
            timeToLive: envelope.TimeToLive ?? TimeSpan.MaxValue,
            correlationId: envelope.CorrelationId,
            subject: envelope.Subject,
            to: envelope.To,
            contentType: envelope.ContentType,
            replyTo: envelope.ReplyTo,
            scheduledEnqueueTime: envelope.ScheduledEnqueueTime ?? default,
            properties: ApplicationPropertyCodec.ReadAll(envelope.Properties),
            lockTokenGuid: lockToken,
            deliveryCount: deliveryCount,
            lockedUntil: lockedUntil,
            sequenceNumber: envelope.SequenceNumber,
            deadLetterSource: envelope.DeadLetterSource,
            enqueuedSequenceNumber: envelope.SequenceNumber,
            enqueuedTime: envelope.EnqueuedTime);
}
