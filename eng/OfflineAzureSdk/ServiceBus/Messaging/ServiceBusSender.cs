namespace Azure.Messaging.ServiceBus;

/// <summary>
/// Sends to one queue. The members are virtual, as in the real type, so tests mock them and the local
/// host overrides them; the base implementations throw <see cref="NotSupportedException"/> offline.
/// </summary>
public class ServiceBusSender : IAsyncDisposable
{
    private readonly string _entityPath = string.Empty;
    private readonly string _fullyQualifiedNamespace = string.Empty;
    private readonly string _identifier = string.Empty;
    private bool _closed;

    protected ServiceBusSender()
    {
    }

    protected ServiceBusSender(ServiceBusClient client, string queueOrTopicName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(queueOrTopicName);
        _entityPath = queueOrTopicName;
        _fullyQualifiedNamespace = client.FullyQualifiedNamespace;
        _identifier = $"{queueOrTopicName}-{Guid.NewGuid()}";
    }

    public virtual string EntityPath => _entityPath;

    public virtual string FullyQualifiedNamespace => _fullyQualifiedNamespace;

    public virtual string Identifier => _identifier;

    public virtual bool IsClosed => _closed;

    public virtual Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(SendMessageAsync));

    public virtual Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(SendMessagesAsync));

    public virtual Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime,
        CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(ScheduleMessageAsync));

    public virtual Task<IReadOnlyList<long>> ScheduleMessagesAsync(IEnumerable<ServiceBusMessage> messages,
        DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(ScheduleMessagesAsync));

    public virtual Task CancelScheduledMessageAsync(long sequenceNumber, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(CancelScheduledMessageAsync));

    public virtual Task CancelScheduledMessagesAsync(IEnumerable<long> sequenceNumbers, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(CancelScheduledMessagesAsync));

    public virtual Task CloseAsync(CancellationToken cancellationToken = default)
    {
        _closed = true;
        return Task.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private static NotSupportedException NotSupported(string member) => new(
        $"ServiceBusSender.{member} is not supported by the offline Azure SDK; use a sender from the local host's ServiceBusClient.");
}
