using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace OrgFunctions.Webhooks;

/// <summary>
/// A delivery message on <c>webhook-deliveries</c>: which delivery, and which attempt and round this is. The payload
/// stays in the delivery row, so messages are small and every attempt sends the same bytes.
/// </summary>
public sealed record DeliveryMessage(string DeliveryId, string SubscriptionId, string SubscriptionOrgId, string TreeId)
{
    public const string AttemptProperty = "attempt";
    public const string RoundProperty = "round";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DeliveryMessage For(DeliveryRecord d) => new(d.DeliveryId, d.SubscriptionId, d.SubscriptionOrgId, d.TreeId);

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
