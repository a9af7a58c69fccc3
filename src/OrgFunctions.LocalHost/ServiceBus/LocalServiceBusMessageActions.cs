using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// The <see cref="ServiceBusMessageActions"/> a local Service Bus trigger passes to the function: it
/// settles by lock token, like the real one, against the Storage queue message that holds the lock.
/// </summary>
internal sealed class LocalServiceBusMessageActions : ServiceBusMessageActions
{
    private readonly MessageLocks _locks;

    public LocalServiceBusMessageActions(MessageLocks locks)
    {
        _locks = locks;
    }

    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        LockOf(message).CompleteAsync(cancellationToken);

    public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null,
        CancellationToken cancellationToken = default) =>
        LockOf(message).AbandonAsync(propertiesToModify, cancellationToken);

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, Dictionary<string, object>? propertiesToModify = null,
        string? deadLetterReason = null, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) =>
        LockOf(message).DeadLetterAsync(propertiesToModify, deadLetterReason, deadLetterErrorDescription, cancellationToken);

    public override Task DeferMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(
            "ServiceBusMessageActions.DeferMessageAsync is not supported by the local Service Bus stand-in: a Storage queue can't " +
            "hold a message aside for receipt by sequence number. Schedule a new message instead, or dead-letter it.");

    public override Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        LockOf(message).RenewOrThrowAsync(cancellationToken);

    private MessageLock LockOf(ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _locks.Find(message.LockToken) ?? throw new ServiceBusException(
            "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue",
            ServiceBusFailureReason.MessageLockLost);
    }
}
