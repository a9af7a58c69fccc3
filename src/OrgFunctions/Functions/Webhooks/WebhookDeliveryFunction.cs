using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Functions.Webhooks;

/// <summary>One attempt of one webhook delivery; the handler settles the message itself.</summary>
public sealed class WebhookDeliveryFunction(DeliveryHandler handler)
{
    [Function(nameof(WebhookDelivery))]
    public Task WebhookDelivery(
        [ServiceBusTrigger("webhook-deliveries", Connection = "ServiceBusConnection", AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, actions, cancellationToken);
}
