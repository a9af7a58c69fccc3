using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// Receives from the Storage queue behind one trigger function's Service Bus queue, peek-lock style
/// (visibility timeout = lock duration), with at most MaxConcurrentCalls messages in the function at
/// once. Polls an empty queue with a backoff up to MaxPollingInterval.
/// </summary>
internal sealed class ServiceBusQueueListener
{
    private const int MaxMessagesPerReceive = 32; // Storage's limit for one receive.
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly ServiceBusTriggerFunction _function;
    private readonly LocalServiceBusNamespace _namespace;
    private readonly ServiceBusMessageProcessor _processor;
    private readonly LocalServiceBusOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ServiceBusQueueListener(ServiceBusTriggerFunction function, LocalServiceBusNamespace @namespace,
        ServiceBusMessageProcessor processor, LocalServiceBusOptions options, TimeProvider time, ILogger logger)
    {
        _function = function;
        _namespace = @namespace;
        _processor = processor;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var slots = new SemaphoreSlim(_options.MaxConcurrentCalls, _options.MaxConcurrentCalls);
        var inFlight = new HashSet<Task>();
        var idle = MinPollingInterval;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await slots.WaitAsync(stopping).ConfigureAwait(false);
                var free = 1;
                while (free < MaxMessagesPerReceive && slots.Wait(0))
                {
                    free++;
                }

                var messages = await ReceiveAsync(free, stopping).ConfigureAwait(false);
                if (free > messages.Length)
                {
                    slots.Release(free - messages.Length);
                }
                foreach (var (queue, message) in messages)
                {
                    var task = ProcessAndReleaseAsync(queue, message, slots, stopping);
                    lock (inFlight)
                    {
                        inFlight.Add(task);
                    }
                    _ = task.ContinueWith(done =>
                    {
                        lock (inFlight)
                        {
                            inFlight.Remove(done);
                        }
                    }, TaskScheduler.Default);
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(idle, _time, stopping).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollingInterval.Ticks));
                }
                else
                {
                    idle = MinPollingInterval;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }

        Task[] remaining;
        lock (inFlight)
        {
            remaining = inFlight.ToArray();
        }
        await Task.WhenAll(remaining).ConfigureAwait(false);
    }

    private async Task<(QueueClient Queue, QueueMessage Message)[]> ReceiveAsync(int maxMessages, CancellationToken stopping)
    {
        try
        {
            var queue = await _namespace.QueueAsync(_function.QueueName, stopping).ConfigureAwait(false);
            var messages = (await queue.ReceiveMessagesAsync(maxMessages, _options.LockDuration, stopping).ConfigureAwait(false)).Value;
            return messages.Select(m => (queue, m)).ToArray();
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException
            || (e is AggregateException all && all.InnerExceptions.All(i => i is RequestFailedException or HttpRequestException)))
        {
            // Azurite not reachable (yet): keep polling with the idle backoff. Azure.Core's retry policy reports
            // exhausted retries of a connection failure as an AggregateException of them.
            _logger.LogWarning(e, "Receiving from {Queue} for {Function} failed; retrying.", _function.QueueName, _function.FunctionName);
            return [];
        }
    }

    private async Task ProcessAndReleaseAsync(QueueClient queue, QueueMessage message, SemaphoreSlim slots,
        CancellationToken stopping)
    {
        try
        {
            await Task.Yield();
            await _processor.ProcessAsync(queue, message, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the message reappears when its lock expires.
        }
        catch (Exception e)
        {
            // Storage trouble while settling: the message reappears when its lock expires and is delivered again.
            _logger.LogError(e, "Handling message {QueueMessageId} from {Queue} failed.", message.MessageId, _function.QueueName);
        }
        finally
        {
            slots.Release();
        }
    }
}
