using Azure.Messaging.ServiceBus;

namespace OrgFunctions.Webhooks;

/// <summary>Puts delivery messages on <c>webhook-deliveries</c>: now, or scheduled for a retry.</summary>
public sealed class DeliveryQueue(ServiceBusClient client) : IAsyncDisposable
{
    private readonly Lazy<ServiceBusSender> _sender = new(() => client.CreateSender(WebhookOptions.QueueName));

    public Task EnqueueAsync(DeliveryRecord delivery, int attempt, CancellationToken cancellationToken) =>
        _sender.Value.SendMessageAsync(DeliveryMessage.For(delivery).ToServiceBusMessage(attempt, delivery.Round), cancellationToken);

    public Task<long> ScheduleAsync(DeliveryRecord delivery, int attempt, DateTimeOffset at, CancellationToken cancellationToken) =>
        _sender.Value.ScheduleMessageAsync(DeliveryMessage.For(delivery).ToServiceBusMessage(attempt, delivery.Round), at, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_sender.IsValueCreated)
        {
            await _sender.Value.DisposeAsync();
        }
    }
}
