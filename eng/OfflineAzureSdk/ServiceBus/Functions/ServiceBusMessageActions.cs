using Azure.Messaging.ServiceBus;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Settles the message a Service Bus trigger received (Microsoft.Azure.Functions.Worker.Extensions.ServiceBus).
/// The real type talks to the Functions host over gRPC; offline the local host passes a subclass that
/// settles against its Azurite queue, and tests mock this one through the protected constructor.
/// </summary>
public class ServiceBusMessageActions
{
    protected ServiceBusMessageActions()
    {
    }

    public virtual Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(CompleteMessageAsync));

    public virtual Task AbandonMessageAsync(ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(AbandonMessageAsync));

    public virtual Task DeadLetterMessageAsync(ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default, string? deadLetterReason = default,
        string? deadLetterErrorDescription = default, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(DeadLetterMessageAsync));

    public virtual Task DeferMessageAsync(ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(DeferMessageAsync));

    public virtual Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        throw NotSupported(nameof(RenewMessageLockAsync));

    private static NotSupportedException NotSupported(string member) => new(
        $"ServiceBusMessageActions.{member} needs a Functions host: the instance passed to a function by the local host supports it; " +
        "one built from the protected constructor (a mock) must set it up.");
}
