using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// Handles one received Storage queue message for one trigger function, with Service Bus' rules:
/// not before its scheduled time, not after it expired, dead-lettered once its delivery count passes
/// the maximum, otherwise delivered under a renewed lock and settled as the Functions host would.
/// </summary>
internal sealed class ServiceBusMessageProcessor
{
    internal const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    private readonly ServiceBusTriggerFunction _function;
    private readonly LocalServiceBusNamespace _namespace;
    private readonly ScheduledMessages _scheduled;
    private readonly MessageLocks _locks;
    private readonly LocalServiceBusMessageActions _actions;
    private readonly LocalServiceBusOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _storageQueueName;

    public ServiceBusMessageProcessor(ServiceBusTriggerFunction function, LocalServiceBusNamespace @namespace, ScheduledMessages scheduled,
        MessageLocks locks, LocalServiceBusMessageActions actions, LocalServiceBusOptions options, TimeProvider time, ILogger logger)
    {
        _function = function;
        _namespace = @namespace;
        _scheduled = scheduled;
        _locks = locks;
        _actions = actions;
        _options = options;
        _time = time;
        _logger = logger;
        _storageQueueName = StorageQueueNames.ForQueue(function.QueueName);
    }

    private bool AutoComplete => _function.AutoCompleteMessages ?? _options.AutoCompleteMessages;

    public async Task ProcessAsync(QueueClient queue, QueueMessage received, CancellationToken stopping)
    {
        var envelope = MessageEnvelopes.FromText(received.Body.ToString(), received.MessageId, received.InsertedOn);
        var now = _time.GetUtcNow();

        if (envelope.ScheduledEnqueueTime is { } due && due > now)
        {
            await HideUntilDueAsync(queue, received, envelope, due - now, stopping).ConfigureAwait(false);
            return;
        }
        if (envelope.Cancellable &&
            await _scheduled.ClaimForDeliveryAsync(_storageQueueName, envelope.SequenceNumber, stopping).ConfigureAwait(false))
        {
            await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, stopping).ConfigureAwait(false);
            await _scheduled.ForgetAsync(_storageQueueName, envelope.SequenceNumber, stopping).ConfigureAwait(false);
            _logger.LogInformation("Dropped cancelled scheduled message {SequenceNumber} from {Queue}.", envelope.SequenceNumber, _function.QueueName);
            return;
        }

        var messageLock = new MessageLock(_function.QueueName, queue, () => _namespace.DeadLetterQueueAsync(_function.QueueName),
            received.MessageId, received.PopReceipt, envelope, _options.LockDuration);

        if (envelope.ExpiresAt <= now)
        {
            // Service Bus drops an expired message (no dead-lettering on expiry unless the queue asks for it).
            await messageLock.CompleteAsync(stopping).ConfigureAwait(false);
            _logger.LogInformation("Dropped expired message {MessageId} from {Queue}.", envelope.MessageId, _function.QueueName);
            return;
        }

        var deliveryCount = (int)Math.Max(1, received.DequeueCount - envelope.HiddenReceipts);
        if (deliveryCount > _options.MaxDeliveryCount)
        {
            await messageLock.DeadLetterAsync(null, MaxDeliveryCountExceeded,
                $"Message could not be consumed after {_options.MaxDeliveryCount} delivery attempts.", stopping).ConfigureAwait(false);
            _logger.LogWarning("Dead-lettered message {MessageId} from {Queue}: delivered {Count} times.",
                envelope.MessageId, _function.QueueName, _options.MaxDeliveryCount);
            return;
        }

        var message = MessageEnvelopes.ToReceivedMessage(envelope, deliveryCount, messageLock.LockToken,
            received.NextVisibleOn ?? now + _options.LockDuration);
        await InvokeUnderLockAsync(messageLock, message, stopping).ConfigureAwait(false);
    }

    private async Task InvokeUnderLockAsync(MessageLock messageLock, ServiceBusReceivedMessage message, CancellationToken stopping)
    {
        _locks.Add(messageLock);
        try
        {
            var failure = await InvokeWhileRenewingAsync(messageLock, message, stopping).ConfigureAwait(false);
            if (failure is not null)
            {
                _logger.LogError(failure, "Function {Function} failed on message {MessageId} (delivery {DeliveryCount}) from {Queue}.",
                    _function.FunctionName, message.MessageId, message.DeliveryCount, _function.QueueName);
                // As the Functions host does, whatever AutoCompleteMessages says: a failed, unsettled message is abandoned.
                if (!messageLock.IsSettled)
                {
                    await messageLock.AbandonAsync(null, CancellationToken.None).ConfigureAwait(false);
                }
            }
            else if (AutoComplete && !messageLock.IsSettled)
            {
                await messageLock.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
            }
            // Without auto-complete an unsettled message stays locked until the lock expires, then reappears.
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            _logger.LogWarning("Could not settle message {MessageId} on {Queue}: its lock was lost.", message.MessageId, _function.QueueName);
        }
        finally
        {
            _locks.Remove(messageLock);
        }
    }

    private async Task<Exception?> InvokeWhileRenewingAsync(MessageLock messageLock, ServiceBusReceivedMessage message,
        CancellationToken stopping)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewing = RenewWhileRunningAsync(messageLock, renewal.Token);
        try
        {
            await _function.InvokeAsync(message, _actions, stopping).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
    }

    // The Functions host renews the lock while the function runs, up to maxAutoLockRenewalDuration.
    private async Task RenewWhileRunningAsync(MessageLock messageLock, CancellationToken cancellationToken)
    {
        var interval = _options.LockDuration / 2;
        var until = _time.GetUtcNow() + _options.MaxAutoLockRenewalDuration;
        try
        {
            while (_time.GetUtcNow() + interval < until)
            {
                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
                if (!await messageLock.RenewAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The function finished.
        }
    }

    private async Task HideUntilDueAsync(QueueClient queue, QueueMessage received, MessageEnvelope envelope, TimeSpan remaining,
        CancellationToken stopping)
    {
        // Scheduled beyond what one visibility timeout covers: hide it again. This receipt is not a delivery.
        var hidden = envelope with { HiddenReceipts = envelope.HiddenReceipts + 1 };
        var visibility = LocalServiceBusSender.VisibilityFor(remaining);
        var receipt = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, MessageEnvelopes.ToText(hidden), visibility,
            stopping).ConfigureAwait(false)).Value;
        if (envelope.Cancellable)
        {
            await _scheduled.UpdatePopReceiptAsync(_storageQueueName, envelope.SequenceNumber, receipt.PopReceipt, stopping).ConfigureAwait(false);
        }
    }
}
