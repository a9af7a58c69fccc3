using Azure.Messaging.ServiceBus;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// The <see cref="ServiceBusClient"/> the local host registers: app code that injects a
/// <see cref="ServiceBusClient"/> runs unchanged, and its senders write to Azurite Storage queues.
/// </summary>
internal sealed class LocalServiceBusClient : ServiceBusClient
{
    private readonly LocalServiceBusNamespace _namespace;
    private readonly SequenceNumbers _sequenceNumbers;
    private readonly ScheduledMessages _scheduled;
    private readonly TimeProvider _time;
    private readonly string _identifier = $"local-{Guid.NewGuid():N}";
    private bool _closed;

    public LocalServiceBusClient(LocalServiceBusNamespace @namespace, SequenceNumbers sequenceNumbers, ScheduledMessages scheduled,
        TimeProvider time)
    {
        _namespace = @namespace;
        _sequenceNumbers = sequenceNumbers;
        _scheduled = scheduled;
        _time = time;
    }

    public override string FullyQualifiedNamespace => _namespace.Name;

    public override string Identifier => _identifier;

    public override bool IsClosed => _closed;

    public override ServiceBusSender CreateSender(string queueOrTopicName)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueOrTopicName);
        if (_closed)
        {
            throw new ObjectDisposedException(nameof(ServiceBusClient), "The ServiceBusClient is closed.");
        }
        return new LocalServiceBusSender(this, queueOrTopicName, _namespace, _sequenceNumbers, _scheduled, _time);
    }

    public override ValueTask DisposeAsync()
    {
        _closed = true;
        return ValueTask.CompletedTask;
    }
}
