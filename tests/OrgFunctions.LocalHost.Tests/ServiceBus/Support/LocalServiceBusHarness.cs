using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using OrgFunctions.LocalHost.ServiceBus;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.ServiceBus.Support;

/// <summary>
/// The local Service Bus on the test Azurite with one queue of its own and a receiver that runs
/// <see cref="Handler"/> for each delivery (no host: the receiver and settlement are what is tested).
/// </summary>
internal sealed class LocalServiceBusHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _listening;

    public LocalServiceBusHarness(AzuriteFixture azurite, Action<LocalServiceBusOptions>? configure = null)
    {
        Options = new LocalServiceBusOptions
        {
            ConnectionString = azurite.ConnectionString,
            LockDuration = TimeSpan.FromSeconds(2),
            MaxPollingInterval = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(Options);
        ServiceBus = new LocalServiceBus(Options, TimeProvider.System);
        Client = ServiceBus.CreateClient();
        QueueName = AzuriteFixture.UniqueName("sb-");
        ConnectionString = azurite.ConnectionString;
    }

    public LocalServiceBusOptions Options { get; }

    public LocalServiceBus ServiceBus { get; }

    public ServiceBusClient Client { get; }

    public string QueueName { get; }

    public string ConnectionString { get; }

    /// <summary>Every delivery, in order of arrival.</summary>
    public ConcurrentQueue<(ServiceBusReceivedMessage Message, DateTimeOffset ReceivedAt)> Deliveries { get; } = new();

    /// <summary>What the "function" does with a delivery; by default nothing (auto-complete settles).</summary>
    public Func<ServiceBusReceivedMessage, ServiceBusMessageActions, Task> Handler { get; set; } = (_, _) => Task.CompletedTask;

    public void Start(bool? autoComplete = null)
    {
        var function = new ServiceBusTriggerFunction("TestFunction", QueueName, autoComplete, async (message, actions, _) =>
        {
            Deliveries.Enqueue((message, DateTimeOffset.UtcNow));
            await Handler(message, actions);
        });
        var listener = ServiceBus.CreateListener(function, NullLogger.Instance);
        _listening = Task.Run(() => listener.RunAsync(_stopping.Token));
    }

    public async Task SendAsync(ServiceBusMessage message)
    {
        await using var sender = Client.CreateSender(QueueName);
        await sender.SendMessageAsync(message);
    }

    public Task<ServiceBusReceivedMessage> NextDeliveryAsync(int count = 1) => DeliveryAsync(count);

    /// <summary>Waits until at least <paramref name="count"/> deliveries happened; returns the count-th.</summary>
    public async Task<ServiceBusReceivedMessage> DeliveryAsync(int count)
    {
        await Poll.UntilAsync(() => Deliveries.Count >= count, $"delivery #{count} on {QueueName}");
        return Deliveries.ElementAt(count - 1).Message;
    }

    public QueueClient StorageQueue(string name) => new(ConnectionString, name);

    /// <summary>Messages in a Storage queue, visible or not (approximate count from queue properties is not enough: peek + hidden).</summary>
    public async Task<int> VisibleCountAsync(string storageQueueName)
    {
        var queue = StorageQueue(storageQueueName);
        await queue.CreateIfNotExistsAsync();
        return (await queue.PeekMessagesAsync(32)).Value.Length;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_listening is not null)
        {
            await _listening;
        }
        await Client.DisposeAsync();
    }
}
