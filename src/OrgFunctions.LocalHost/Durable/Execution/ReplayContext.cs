using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using OrgFunctions.LocalHost.Durable.History;

namespace OrgFunctions.LocalHost.Durable.Execution;

/// <summary>
/// The <see cref="TaskOrchestrationContext"/> the local engine hands to orchestrators. Every call that schedules
/// work gets the next task id; the executor matches it against the history (replay) or records it as new work.
/// </summary>
internal sealed class ReplayContext : TaskOrchestrationContext
{
    private readonly DataConverter _converter = JsonDataConverter.Default;
    private readonly Dictionary<int, OpenTask> _open = [];
    private readonly SortedDictionary<int, HistoryEvent> _unconfirmed = [];
    private readonly Dictionary<string, Queue<string?>> _bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private int _nextTaskId;
    private int _guidCounter;
    private string? _input;

    public ReplayContext(string name, string instanceId)
    {
        Name = new TaskName(name);
        InstanceId = instanceId;
    }

    public override TaskName Name { get; }

    public override string InstanceId { get; }

    public override DateTime CurrentUtcDateTime => CurrentTime;

    public override bool IsReplaying => Replaying;

    internal DateTime CurrentTime { get; set; }

    internal bool Replaying { get; set; }

    internal string? SerializedCustomStatus { get; private set; }

    internal (string? Input, bool PreserveEvents)? ContinuedAsNew { get; private set; }

    /// <summary>Work scheduled by this run that the history doesn't have yet, in task-id order.</summary>
    internal IEnumerable<HistoryEvent> NewActions => _unconfirmed.Values;

    /// <summary>Raised events no wait has consumed, in arrival order (carried over by ContinueAsNew).</summary>
    internal IEnumerable<(string Name, string? Data)> UnconsumedEvents =>
        _bufferedEvents.SelectMany(pair => pair.Value.Select(data => (pair.Key, data)));

    internal void Start(string? serializedInput) => _input = serializedInput;

    public override T? GetInput<T>() where T : default => _converter.Deserialize<T>(_input);

    public override Task<T> CallActivityAsync<T>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var serializedInput = _converter.Serialize(input);
        return WithRetries<T>(options, () => Schedule(new HistoryEvent(HistoryEventType.TaskScheduled)
        {
            Name = name.Name,
            Data = serializedInput,
        }));
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var fired = Schedule(new HistoryEvent(HistoryEventType.TimerCreated) { FireAt = fireAt });
        if (!cancellationToken.CanBeCanceled)
        {
            return fired;
        }

        // A cancelled timer stays in the history and fires unseen, as in Durable: only the wait ends.
        var waiter = new TaskCompletionSource();
        var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        fired.ContinueWith(task =>
        {
            registration.Dispose();
            if (task.IsFaulted)
            {
                waiter.TrySetException(task.Exception!.InnerExceptions);
            }
            else
            {
                waiter.TrySetResult();
            }
        }, TaskContinuationOptions.ExecuteSynchronously);
        return waiter.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (_bufferedEvents.TryGetValue(eventName, out var buffered) && buffered.Count > 0)
        {
            return Task.FromResult(_converter.Deserialize<T>(buffered.Dequeue())!);
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!_eventWaiters.TryGetValue(eventName, out var waiters))
        {
            _eventWaiters[eventName] = waiters = new LinkedList<TaskCompletionSource<string?>>();
        }
        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }
                waiter.TrySetCanceled(cancellationToken);
            });
        }
        return Deserialized<T>(waiter.Task);
    }

    public override void SetCustomStatus(object? customStatus) => SerializedCustomStatus = _converter.Serialize(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(
        TaskName orchestratorName, string? instanceId = null, object? input = null, TaskOptions? options = null)
    {
        var childId = instanceId ?? (options as SubOrchestrationOptions)?.InstanceId ?? NewGuid().ToString();
        var serializedInput = _converter.Serialize(input);
        return WithRetries<TResult>(options, () => Schedule(new HistoryEvent(HistoryEventType.SubOrchestrationCreated)
        {
            Name = orchestratorName.Name,
            InstanceId = childId,
            Data = serializedInput,
        }));
    }

    public override void ContinueAsNew(object newInput, bool preserveUnprocessedEvents = true) =>
        ContinuedAsNew = (_converter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        // Same name scheme as Durable: instance id, orchestration time and a per-execution counter.
        var name = string.Concat(
            InstanceId, "_",
            CurrentUtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture), "_",
            _guidCounter++.ToString(CultureInfo.InvariantCulture));
        return NameBasedGuid.Create(NameBasedGuid.DurableNamespace, name);
    }

    /// <summary>A scheduling event from the history: the replayed code must have scheduled the same thing.</summary>
    internal void Confirm(HistoryEvent recorded)
    {
        if (!_unconfirmed.Remove(recorded.TaskId, out var scheduled))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic workflow detected: the history has {recorded.Type} '{recorded.Name}' as task #{recorded.TaskId}, " +
                "but the replayed orchestrator did not schedule it.");
        }
        if (scheduled.Type != recorded.Type || !string.Equals(scheduled.Name, recorded.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic workflow detected: task #{recorded.TaskId} was {recorded.Type} '{recorded.Name}' in the history, " +
                $"but the replayed orchestrator scheduled {scheduled.Type} '{scheduled.Name}'.");
        }
    }

    /// <summary>A completion event: ends the task it refers to. Unknown or already-ended tasks are ignored.</summary>
    internal void Complete(HistoryEvent completion)
    {
        if (!_open.Remove(completion.TaskId, out var task))
        {
            return;
        }
        switch (completion.Type)
        {
            case HistoryEventType.TaskFailed:
            case HistoryEventType.SubOrchestrationFailed:
                var details = completion.Failure ?? new TaskFailureDetails("(unknown)", "(unknown)", null, null);
                task.Completion.TrySetException(new TaskFailedException(task.Name, completion.TaskId, details));
                break;
            default:
                task.Completion.TrySetResult(completion.Data);
                break;
        }
    }

    internal void Raise(string eventName, string? data)
    {
        if (_eventWaiters.TryGetValue(eventName, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult(data);
            return;
        }
        if (!_bufferedEvents.TryGetValue(eventName, out var buffered))
        {
            _bufferedEvents[eventName] = buffered = new Queue<string?>();
        }
        buffered.Enqueue(data);
    }

    private Task<string?> Schedule(HistoryEvent action)
    {
        var id = _nextTaskId++;
        var scheduled = action with { TaskId = id, Timestamp = CurrentTime };
        _unconfirmed[id] = scheduled;
        var completion = new TaskCompletionSource<string?>();
        _open[id] = new OpenTask(scheduled.Name ?? "Timer", completion);
        return completion.Task;
    }

    private Task<T> WithRetries<T>(TaskOptions? options, Func<Task<string?>> attempt) => options?.Retry switch
    {
        { Policy: { } policy } => Deserialized<T>(RetryWithPolicy(policy, attempt)),
        { Handler: { } handler } => Deserialized<T>(RetryWithHandler(handler, attempt)),
        _ => Deserialized<T>(attempt()),
    };

    // Each attempt and each delay is a task of its own in the history, so a replay never repeats a recorded attempt.
    private async Task<string?> RetryWithPolicy(RetryPolicy policy, Func<Task<string?>> attempt)
    {
        var firstAttempt = CurrentTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure) when (attemptNumber < policy.MaxNumberOfAttempts && policy.Handle(failure))
            {
                var expires = policy.RetryTimeout == Timeout.InfiniteTimeSpan ? DateTime.MaxValue : firstAttempt + policy.RetryTimeout;
                if (CurrentTime >= expires)
                {
                    throw;
                }
                var delayMs = policy.FirstRetryInterval.TotalMilliseconds * Math.Pow(policy.BackoffCoefficient, attemptNumber - 1);
                var delay = delayMs < policy.MaxRetryInterval.TotalMilliseconds ? TimeSpan.FromMilliseconds(delayMs) : policy.MaxRetryInterval;
                await CreateTimer(CurrentTime + delay, CancellationToken.None);
            }
        }
    }

    private async Task<string?> RetryWithHandler(AsyncRetryHandler handler, Func<Task<string?>> attempt)
    {
        var firstAttempt = CurrentTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure)
            {
                var context = new RetryContext(this, attemptNumber, failure.FailureDetails, CurrentTime - firstAttempt, CancellationToken.None);
                if (!await handler(context))
                {
                    throw;
                }
            }
        }
    }

    private async Task<T> Deserialized<T>(Task<string?> serialized) => _converter.Deserialize<T>(await serialized)!;

    private sealed record OpenTask(string Name, TaskCompletionSource<string?> Completion);
}
