using Microsoft.Extensions.Logging;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>The local Service Bus stand-in's shared parts, and the factory for receivers.</summary>
internal sealed class LocalServiceBus
{
    public LocalServiceBus(LocalServiceBusOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        Namespace = new LocalServiceBusNamespace(options.ConnectionString);
        SequenceNumbers = new SequenceNumbers(Namespace);
        ScheduledMessages = new ScheduledMessages(Namespace);
        Actions = new LocalServiceBusMessageActions(Locks);
    }

    public LocalServiceBusOptions Options { get; }

    public TimeProvider Time { get; }

    public LocalServiceBusNamespace Namespace { get; }

    public SequenceNumbers SequenceNumbers { get; }

    public ScheduledMessages ScheduledMessages { get; }

    public MessageLocks Locks { get; } = new();

    public LocalServiceBusMessageActions Actions { get; }

    public LocalServiceBusClient CreateClient() => new(Namespace, SequenceNumbers, ScheduledMessages, Time);

    public ServiceBusQueueListener CreateListener(ServiceBusTriggerFunction function, ILogger logger) =>
        new(function, Namespace, new ServiceBusMessageProcessor(function, Namespace, ScheduledMessages, Locks, Actions, Options, Time, logger),
            Options, Time, logger);
}
