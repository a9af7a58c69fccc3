using System.Text.Json;
using Azure;
using Azure.Messaging.ServiceBus;

namespace OrgFunctions.Webhooks;

/// <summary>
/// A delivery message on <c>webhook-deliveries</c>: which delivery, which attempt and round (application properties),
/// and the delivery row as its sender last wrote or read it — event, payload, earlier attempts and that row's ETag — so
/// that the handler can send and then rewrite the row whole, conditional on that ETag, without reading it first
/// (ADR 0027). A message of an earlier version carries the ids only; the handler reads the row for it.
/// </summary>
public sealed record DeliveryMessage(string DeliveryId, string SubscriptionId, string SubscriptionOrgId, string TreeId)
{
    public const string AttemptProperty = "attempt";
    public const string RoundProperty = "round";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? EventId { get; init; }
    public string? EventType { get; init; }
    public string? EventOrgId { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The exact body every attempt sends.</summary>
    public string? Payload { get; init; }

    /// <summary>The attempts recorded before this message was sent, as the row stores them (JSON).</summary>
    public string? Attempts { get; init; }

    /// <summary>The row's ETag when this message was sent: the handler's write is conditional on it.</summary>
    public string? ETag { get; init; }

    public static DeliveryMessage For(DeliveryRecord d) => new(d.DeliveryId, d.SubscriptionId, d.SubscriptionOrgId, d.TreeId)
    {
        EventId = d.EventId,
        EventType = d.EventType,
        EventOrgId = d.EventOrgId,
        OccurredAt = d.OccurredAt,
        CreatedAt = d.CreatedAt,
        Payload = d.Payload,
        Attempts = DeliveryRecord.WriteAttempts(d.Attempts),
        ETag = d.ETag == default ? null : d.ETag.ToString(),
    };

    /// <summary>The row as the sender left it, or null when this message doesn't carry it (an earlier version's).</summary>
    public DeliveryRecord? Row(int round) =>
        EventId is null || EventType is null || EventOrgId is null || OccurredAt is null || CreatedAt is null || Payload is null
            || Attempts is null || ETag is null
            ? null
            : new DeliveryRecord
            {
                DeliveryId = DeliveryId,
                SubscriptionId = SubscriptionId,
                TreeId = TreeId,
                SubscriptionOrgId = SubscriptionOrgId,
                EventId = EventId,
                EventType = EventType,
                EventOrgId = EventOrgId,
                OccurredAt = OccurredAt.Value,
                Payload = Payload,
                Round = round,
                Enqueued = true,
                Attempts = DeliveryRecord.ReadAttempts(Attempts),
                CreatedAt = CreatedAt.Value,
                ETag = new ETag(ETag),
            };

    /// <summary>
    /// The message of one attempt. Its id is deterministic (delivery, round, attempt): Service Bus duplicate detection
    /// drops a second send of the same attempt, while the next attempt is a new message.
    /// </summary>
    public ServiceBusMessage ToServiceBusMessage(int attempt, int round)
    {
        var message = new ServiceBusMessage(BinaryData.FromObjectAsJson(this, Json))
        {
            MessageId = round == 1 ? $"{DeliveryId}-{attempt}" : $"{DeliveryId}-r{round}-{attempt}",
            ContentType = "application/json",
            Subject = "webhook-delivery",
        };
        message.ApplicationProperties[AttemptProperty] = attempt;
        message.ApplicationProperties[RoundProperty] = round;
        return message;
    }

    public static DeliveryMessage? TryRead(ServiceBusReceivedMessage message)
    {
        try
        {
            var parsed = message.Body.ToObjectFromJson<DeliveryMessage>(Json);
            return parsed is { DeliveryId.Length: > 0, SubscriptionId.Length: > 0, SubscriptionOrgId.Length: > 0, TreeId.Length: > 0 }
                ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static int IntProperty(ServiceBusReceivedMessage message, string name) =>
        message.ApplicationProperties.TryGetValue(name, out var value) && value is int n && n >= 1 ? n : 1;
}
