using Azure.Messaging.ServiceBus;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Settles the message a Service Bus trigger received: the public API of the real type, member for member. The real
/// one settles through the Functions host over gRPC; this surface has no host, so each member throws unless a
/// subclass (the local host's, or a mock built on the protected constructor) overrides it.
/// </summary>
public class ServiceBusMessageActions
{
    protected ServiceBusMessageActions()
    {
    }

    public virtual Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        throw NeedsHost(nameof(CompleteMessageAsync));

    public virtual Task AbandonMessageAsync(ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default, CancellationToken cancellationToken = default) =>
        throw NeedsHost(nameof(AbandonMessageAsync));

    public virtual Task DeadLetterMessageAsync(ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default, string? deadLetterReason = default,
        string? deadLetterErrorDescription = default, CancellationToken cancellationToken = default) =>
        throw NeedsHost(nameof(DeadLetterMessageAsync));

    public virtual Task DeferMessageAsync(ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default, CancellationToken cancellationToken = default) =>
        throw NeedsHost(nameof(DeferMessageAsync));

    public virtual Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        throw NeedsHost(nameof(RenewMessageLockAsync));

    private static NotSupportedException NeedsHost(string member) => new(
        $"ServiceBusMessageActions.{member} settles through a Functions host; this build has the compile surface " +
        "(eng/ServiceBusWorkerExtension) in place of the real package, so only a subclass or a mock can settle.");
}
