using System.Text;
using Azure;
using Azure.Messaging.ServiceBus;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// A <see cref="ServiceBusSender"/> that enqueues onto the Azurite Storage queue standing in for the
/// Service Bus queue. Scheduled messages are sent hidden until their time (visibility timeout).
/// </summary>
internal sealed class LocalServiceBusSender : ServiceBusSender
{
    // A Storage queue message holds at most 64 KiB; the envelope (body in base64) must fit.
    internal const int MaxEnvelopeBytes = 64 * 1024;

    // Storage hides a message for at most 7 days; a later schedule is re-hidden by the receiver in steps.
    internal static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private readonly LocalServiceBusClient _client;
    private readonly LocalServiceBusNamespace _namespace;
    private readonly SequenceNumbers _sequenceNumbers;
    private readonly ScheduledMessages _scheduled;
    private readonly TimeProvider _time;
    private readonly string _storageQueueName;
    private bool _closed;

    // The base's (client, name) constructor opens an AMQP connection from the client; the parameterless one (for mocking
    // and derived types) doesn't, so the properties that would read that connection are overridden here.
    public LocalServiceBusSender(LocalServiceBusClient client, string queueName, LocalServiceBusNamespace @namespace,
        SequenceNumbers sequenceNumbers, ScheduledMessages scheduled, TimeProvider time)
    {
        EntityPath = queueName;
        _client = client;
        Identifier = $"{client.Identifier}-{queueName}";
        _storageQueueName = StorageQueueNames.ForQueue(queueName);
        _namespace = @namespace;
        _sequenceNumbers = sequenceNumbers;
        _scheduled = scheduled;
        _time = time;
    }

    public override string EntityPath { get; }

    public override string FullyQualifiedNamespace => _client.FullyQualifiedNamespace;

    public override string Identifier { get; }

    public override bool IsClosed => _closed;

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Like Service Bus: a message that carries a future ScheduledEnqueueTime is scheduled, not sent now.
        var scheduled = message.ScheduledEnqueueTime > _time.GetUtcNow() ? message.ScheduledEnqueueTime : (DateTimeOffset?)null;
        return EnqueueAsync(message, scheduled, cancellable: false, cancellationToken);
    }

    public override async Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // Storage has no batch send: messages go one by one, so a failure part-way leaves the earlier ones sent.
        foreach (var message in messages.ToList())
        {
            await SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.ScheduledEnqueueTime = scheduledEnqueueTime;
        return await EnqueueAsync(message, scheduledEnqueueTime, cancellable: true, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<IReadOnlyList<long>> ScheduleMessagesAsync(IEnumerable<ServiceBusMessage> messages,
        DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sequenceNumbers = new List<long>();
        foreach (var message in messages.ToList())
        {
            sequenceNumbers.Add(await ScheduleMessageAsync(message, scheduledEnqueueTime, cancellationToken).ConfigureAwait(false));
        }
        return sequenceNumbers;
    }

    /// <remarks>As in Service Bus, cancelling a message that is already enqueued (or unknown) does nothing.</remarks>
    public override async Task CancelScheduledMessageAsync(long sequenceNumber, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        var location = await _scheduled.CancelAsync(_storageQueueName, sequenceNumber, cancellationToken).ConfigureAwait(false);
        if (location is not { } found)
        {
            return;
        }
        var queue = await _namespace.QueueAsync(EntityPath, cancellationToken).ConfigureAwait(false);
        try
        {
            await queue.DeleteMessageAsync(found.QueueMessageId, found.PopReceipt, cancellationToken).ConfigureAwait(false);
            await _scheduled.ForgetAsync(_storageQueueName, sequenceNumber, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A receiver holds it right now (its pop receipt changed); it sees the cancel mark and drops the message.
        }
    }

    public override async Task CancelScheduledMessagesAsync(IEnumerable<long> sequenceNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequenceNumbers);
        foreach (var sequenceNumber in sequenceNumbers.ToList())
        {
            await CancelScheduledMessageAsync(sequenceNumber, cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task CloseAsync(CancellationToken cancellationToken = default)
    {
        _closed = true;
        return Task.CompletedTask;
    }

    private async Task<long> EnqueueAsync(ServiceBusMessage message, DateTimeOffset? scheduledEnqueueTime, bool cancellable,
        CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        var now = _time.GetUtcNow();
        var sequenceNumber = await _sequenceNumbers.NextAsync(_storageQueueName, cancellationToken).ConfigureAwait(false);
        var envelope = MessageEnvelopes.FromMessage(message, sequenceNumber, scheduledEnqueueTime ?? now, scheduledEnqueueTime, cancellable);
        var text = MessageEnvelopes.ToText(envelope);
        if (Encoding.UTF8.GetByteCount(text) > MaxEnvelopeBytes)
        {
            throw new ServiceBusException(
                $"The message is too large for the local Service Bus stand-in: a Storage queue message holds at most 64 KiB, " +
                $"and this one needs {Encoding.UTF8.GetByteCount(text)} bytes (body in base64 plus properties)",
                ServiceBusFailureReason.MessageSizeExceeded, EntityPath);
        }

        var delay = scheduledEnqueueTime is { } at && at > now ? at - now : TimeSpan.Zero;
        var visibility = VisibilityFor(delay);
        // Storage counts time-to-live from insertion; Service Bus from enqueueing, which for a scheduled message is its time.
        TimeSpan? timeToLive = envelope.TimeToLive is { } ttl && ttl < TimeSpan.MaxValue - delay - TimeSpan.FromDays(1)
            ? ClampTimeToLive(delay + ttl)
            : TimeSpan.FromSeconds(-1);

        var queue = await _namespace.QueueAsync(EntityPath, cancellationToken).ConfigureAwait(false);
        var receipt = (await queue.SendMessageAsync(text, visibility, timeToLive, cancellationToken).ConfigureAwait(false)).Value;
        if (cancellable)
        {
            await _scheduled.RecordAsync(_storageQueueName, sequenceNumber, receipt.MessageId, receipt.PopReceipt, cancellationToken)
                .ConfigureAwait(false);
        }
        return sequenceNumber;
    }

    /// <summary>
    /// The visibility timeout that hides a message for <paramref name="delay"/>: whole seconds (Storage's unit), rounded up so a
    /// scheduled message never shows early, and at most Storage's 7-day limit (the receiver hides it again for the rest).
    /// </summary>
    internal static TimeSpan VisibilityFor(TimeSpan delay) => delay <= TimeSpan.Zero
        ? TimeSpan.Zero
        : delay > MaxVisibilityTimeout ? MaxVisibilityTimeout : TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));

    // Storage wants a whole, positive number of seconds, and more than the visibility timeout.
    private static TimeSpan ClampTimeToLive(TimeSpan timeToLive) =>
        TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(timeToLive.TotalSeconds)));

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new ObjectDisposedException(nameof(ServiceBusSender), $"The sender for '{EntityPath}' is closed.");
        }
    }
}
