using Azure;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// The peek-lock on one received message: the Storage queue message stays invisible while the lock
/// is held, and its pop receipt (which changes on every renewal) proves we still hold it. Settles the
/// message once: complete deletes it, abandon makes it visible now, dead-letter moves it to
/// <c>&lt;queue&gt;-deadletter</c>. A settle after the lock was lost fails with <c>MessageLockLost</c>, as in Service Bus.
/// </summary>
internal sealed class MessageLock
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly QueueClient _queue;
    private readonly Func<Task<QueueClient>> _deadLetterQueue;
    private readonly TimeSpan _lockDuration;
    private string _popReceipt;

    public MessageLock(string serviceBusQueueName, QueueClient queue, Func<Task<QueueClient>> deadLetterQueue, string queueMessageId,
        string popReceipt, MessageEnvelope envelope, TimeSpan lockDuration)
    {
        ServiceBusQueueName = serviceBusQueueName;
        _queue = queue;
        _deadLetterQueue = deadLetterQueue;
        QueueMessageId = queueMessageId;
        _popReceipt = popReceipt;
        Envelope = envelope;
        _lockDuration = lockDuration;
    }

    public Guid LockToken { get; } = Guid.NewGuid();

    public string ServiceBusQueueName { get; }

    public string QueueMessageId { get; }

    public MessageEnvelope Envelope { get; }

    public bool IsSettled { get; private set; }

    public Task CompleteAsync(CancellationToken cancellationToken) =>
        SettleAsync(() => _queue.DeleteMessageAsync(QueueMessageId, _popReceipt, cancellationToken), cancellationToken);

    public Task AbandonAsync(IDictionary<string, object>? propertiesToModify, CancellationToken cancellationToken)
    {
        var text = MessageEnvelopes.ToText(MessageEnvelopes.WithProperties(Envelope, propertiesToModify));
        return SettleAsync(() => _queue.UpdateMessageAsync(QueueMessageId, _popReceipt, text, TimeSpan.Zero, cancellationToken),
            cancellationToken);
    }

    public Task DeadLetterAsync(IDictionary<string, object>? propertiesToModify, string? reason, string? description,
        CancellationToken cancellationToken)
    {
        var deadLetterProperties = new Dictionary<string, object>(propertiesToModify ?? new Dictionary<string, object>());
        if (reason is not null)
        {
            deadLetterProperties[ServiceBusProperties.DeadLetterReason] = reason;
        }
        if (description is not null)
        {
            deadLetterProperties[ServiceBusProperties.DeadLetterErrorDescription] = description;
        }
        var deadLetter = MessageEnvelopes.WithProperties(Envelope, deadLetterProperties) with
        {
            DeadLetterSource = ServiceBusQueueName,
            HiddenReceipts = 0,
            Cancellable = false,
            ScheduledEnqueueTime = null,
            // Service Bus keeps dead-lettered messages until someone removes them: no expiry.
            TimeToLive = null,
        };
        return SettleAsync(async () =>
        {
            // Copy first, then delete: a crash in between leaves a duplicate, never a loss (at-least-once).
            await CheckStillLockedAsync(cancellationToken).ConfigureAwait(false);
            var target = await _deadLetterQueue().ConfigureAwait(false);
            await target.SendMessageAsync(MessageEnvelopes.ToText(deadLetter), null, TimeSpan.FromSeconds(-1), cancellationToken)
                .ConfigureAwait(false);
            await _queue.DeleteMessageAsync(QueueMessageId, _popReceipt, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Extends the lock by the lock duration; false if it was already settled or lost.</summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsSettled)
            {
                return false;
            }
            await ExtendAsync(_lockDuration, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 400 or 404)
        {
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RenewOrThrowAsync(CancellationToken cancellationToken)
    {
        if (!await RenewAsync(cancellationToken).ConfigureAwait(false))
        {
            throw LockLost();
        }
    }

    private async Task ExtendAsync(TimeSpan visibility, CancellationToken cancellationToken)
    {
        var receipt = (await _queue.UpdateMessageAsync(QueueMessageId, _popReceipt, MessageEnvelopes.ToText(Envelope), visibility,
            cancellationToken).ConfigureAwait(false)).Value;
        _popReceipt = receipt.PopReceipt;
    }

    // Extending the lock before copying proves the pop receipt is still ours, so a lost lock doesn't copy into the dead-letter queue.
    private Task CheckStillLockedAsync(CancellationToken cancellationToken) => ExtendAsync(_lockDuration, cancellationToken);

    private async Task SettleAsync(Func<Task> settle, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsSettled)
            {
                throw LockLost();
            }
            await settle().ConfigureAwait(false);
            IsSettled = true;
        }
        catch (RequestFailedException e) when (e.Status is 400 or 404)
        {
            // The pop receipt no longer matches: the lock expired and the message was received again, or it is gone.
            IsSettled = true;
            throw LockLost(e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private ServiceBusException LockLost(Exception? inner = null) => new(
        "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue",
        ServiceBusFailureReason.MessageLockLost, ServiceBusQueueName, inner);
}
