using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// Turns a received message into the trigger parameter's type, as the worker's converters do:
/// the message itself, its body as string/bytes/BinaryData, or the body deserialized from JSON.
/// Also the trigger metadata other parameters can bind to by name (messageId, deliveryCount, ...).
/// </summary>
internal static class ServiceBusTriggerValue
{
    // The worker's default serializer settings: web defaults (camelCase, case-insensitive).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object? Convert(ServiceBusReceivedMessage message, Type parameterType)
    {
        if (parameterType.IsAssignableFrom(typeof(ServiceBusReceivedMessage)))
        {
            return message;
        }
        if (parameterType == typeof(string))
        {
            return message.Body.ToString();
        }
        if (parameterType == typeof(byte[]))
        {
            return message.Body.ToArray();
        }
        if (parameterType == typeof(BinaryData))
        {
            return message.Body;
        }
        if (parameterType == typeof(ReadOnlyMemory<byte>))
        {
            return message.Body.ToMemory();
        }
        try
        {
            return JsonSerializer.Deserialize(message.Body.ToMemory().Span, parameterType, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException(
                $"The body of message '{message.MessageId}' is not JSON for {parameterType.Name}: {e.Message}", e);
        }
    }

    public static IReadOnlyDictionary<string, object?> BindingData(ServiceBusReceivedMessage message) =>
        new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MessageId"] = message.MessageId,
            ["DeliveryCount"] = message.DeliveryCount,
            ["EnqueuedTimeUtc"] = message.EnqueuedTime.UtcDateTime,
            ["ExpiresAtUtc"] = message.ExpiresAt.UtcDateTime,
            ["SequenceNumber"] = message.SequenceNumber,
            ["ContentType"] = message.ContentType,
            ["CorrelationId"] = message.CorrelationId,
            ["Subject"] = message.Subject,
            ["LockToken"] = message.LockToken,
            ["ApplicationProperties"] = message.ApplicationProperties,
        };
}
