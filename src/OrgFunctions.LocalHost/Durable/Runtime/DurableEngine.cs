using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Durable.Execution;
using OrgFunctions.LocalHost.Durable.Functions;
using OrgFunctions.LocalHost.Durable.History;
using OrgFunctions.LocalHost.Durable.Store;

namespace OrgFunctions.LocalHost.Durable.Runtime;

/// <summary>
/// The local durable runtime. Instances are advanced one episode at a time by a single dispatch loop; activities
/// run concurrently beside it. Everything an episode decides is committed to the store before any of it is acted
/// on, so a process that dies at any point resumes from the store on its next start (<see cref="StartAsync"/>).
/// </summary>
internal sealed class DurableEngine : IAsyncDisposable
{
    private static readonly OrchestrationRuntimeStatus[] LiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];

    private readonly IDurableStore _store;
    private readonly DurableFunctionRegistry _functions;
    private readonly DurableOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _runningActivities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> _wakeups = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _activitySlots;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private int _disposed;

    public DurableEngine(IDurableStore store, DurableFunctionRegistry functions, DurableOptions options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _functions = functions;
        _options = options;
        _time = time;
        _logger = logger;
        _activitySlots = new SemaphoreSlim(options.MaxConcurrentActivities);
    }

    public IDurableStore Store => _store;

    public DurableOptions Options => _options;

    /// <summary>Raised after an instance's state row changed (for waiters in this process).</summary>
    public event Action<string>? InstanceChanged;

    public DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    /// <summary>Creates the tables, resumes every live instance and starts dispatching.</summary>
    public async Task StartAsync(CancellationToken cancellation)
    {
        await _store.InitializeAsync(cancellation);
        _loop ??= Task.Run(DispatchLoopAsync);
        foreach (var instance in await _store.ListInstancesAsync(LiveStatuses, cancellation))
        {
            await RecoverAsync(instance, cancellation);
        }
    }

    /// <summary>Asks for an episode of the instance (coalesced if one is queued already).</summary>
    public void Poke(string instanceId)
    {
        if (_queued.TryAdd(instanceId, 0))
        {
            _ready.Writer.TryWrite(instanceId);
        }
    }

    internal void NotifyChanged(string instanceId) => InstanceChanged?.Invoke(instanceId);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _stopping.Cancel();
        _ready.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task RecoverAsync(InstanceRecord instance, CancellationToken cancellation)
    {
        var log = await _store.ReadLogAsync(instance.InstanceId, cancellation);
        // At-least-once: an activity whose result isn't recorded runs again.
        foreach (var item in log.WorkItems.Where(item => item.ExecutionId == instance.ExecutionId))
        {
            StartActivity(instance.InstanceId, item);
        }
        await ReconcileChildrenAsync(instance, log.History, cancellation);
        Poke(instance.InstanceId);
    }

    // A crash can fall between a parent's commit and its child's creation, or between a child's end and its
    // parent hearing of it: both are repaired from the parent's history.
    private async Task ReconcileChildrenAsync(InstanceRecord parent, IReadOnlyList<HistoryEvent> history, CancellationToken cancellation)
    {
        var ended = history.Where(e => e.IsTaskCompletion).Select(e => e.TaskId).ToHashSet();
        foreach (var created in history.Where(e => e.Type == HistoryEventType.SubOrchestrationCreated && !ended.Contains(e.TaskId)))
        {
            var child = await _store.ReadInstanceAsync(created.InstanceId!, cancellation);
            if (child is null)
            {
                await CreateChildAsync(parent, created, cancellation);
            }
            else if (!child.IsLive && child.ParentInstanceId == parent.InstanceId && child.ParentTaskId == created.TaskId)
            {
                await NotifyParentAsync(child, cancellation);
            }
        }
    }

    private async Task DispatchLoopAsync()
    {
        await foreach (var instanceId in _ready.Reader.ReadAllAsync())
        {
            _queued.TryRemove(instanceId, out _);
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await RunEpisodeAsync(instanceId, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Durable episode of {InstanceId} failed; retrying.", instanceId);
                WakeAt(instanceId, UtcNow + _options.EpisodeRetryDelay);
            }
        }
    }

    private async Task RunEpisodeAsync(string instanceId, CancellationToken cancellation)
    {
        var instance = await _store.ReadInstanceAsync(instanceId, cancellation);
        if (instance is null)
        {
            return;
        }
        var log = await _store.ReadLogAsync(instanceId, cancellation);
        var now = UtcNow;

        if (!instance.IsLive || log.History.LastOrDefault() is { Type: HistoryEventType.ExecutionCompleted or HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionTerminated })
        {
            await SettleEndedAsync(instance, log, cancellation);
            return;
        }
        if (log.History.Count == 0 && instance.StartAt is { } startAt && startAt.UtcDateTime > now)
        {
            WakeAt(instanceId, startAt.UtcDateTime);
            return;
        }

        var current = log.Inbox.Where(m => m.ExecutionId == instance.ExecutionId).ToList();
        var stale = log.Inbox.Where(m => m.ExecutionId != instance.ExecutionId).Select(m => m.Key).ToList();
        var ended = log.History.Where(e => e.IsTaskCompletion).Select(e => e.TaskId).ToHashSet();
        var due = current.Where(m => m.VisibleAt <= now).OrderBy(m => m.VisibleAt).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        var duplicates = due.Where(m => m.Event.IsTaskCompletion && ended.Contains(m.Event.TaskId)).ToList();
        due = due.Except(duplicates).ToList();
        if (current.Except(due).Except(duplicates).Where(m => m.VisibleAt > now).MinBy(m => m.VisibleAt) is { } next)
        {
            WakeAt(instanceId, next.VisibleAt);
        }

        if (due.FirstOrDefault(m => m.Event.Type == HistoryEventType.ExecutionTerminated) is { } terminate)
        {
            await TerminateAsync(instance, log, terminate, now, cancellation);
            return;
        }

        var fresh = new List<HistoryEvent> { new(HistoryEventType.OrchestratorStarted) { Timestamp = now } };
        if (log.History.Count == 0)
        {
            fresh.Add(new HistoryEvent(HistoryEventType.ExecutionStarted) { Name = instance.Name, Data = instance.Input, Timestamp = now });
        }
        fresh.AddRange(due.Select(m => m.Event));
        if (fresh.Count == 1)
        {
            if (duplicates.Count > 0 || stale.Count > 0)
            {
                await _store.CommitEpisodeAsync(instanceId, new EpisodeCommit
                {
                    FirstSequence = log.History.Count,
                    DeleteMessages = duplicates.Select(m => m.Key).Concat(stale).ToList(),
                }, cancellation);
            }
            return;
        }

        var outcome = _functions.TryGetOrchestrator(instance.Name, out var orchestrator)
            ? OrchestrationExecutor.Run(orchestrator, instance.Name, instanceId, log.History, fresh)
            : new EpisodeOutcome
            {
                Completed = true,
                Failure = new TaskFailureDetails("System.InvalidOperationException",
                    $"The orchestrator function '{instance.Name}' doesn't exist.", null, null),
            };

        await CommitOutcomeAsync(instance, log, fresh, due.Concat(duplicates).Select(m => m.Key).Concat(stale).ToList(), outcome, now, cancellation);
    }

    private async Task CommitOutcomeAsync(
        InstanceRecord instance, InstanceLog log, List<HistoryEvent> fresh, List<string> consumed,
        EpisodeOutcome outcome, DateTime now, CancellationToken cancellation)
    {
        var appended = new List<HistoryEvent>(fresh);
        appended.AddRange(outcome.NewActions);
        var workItems = outcome.NewActions.Where(a => a.Type == HistoryEventType.TaskScheduled)
            .Select(a => new ActivityWorkItem(ActivityWorkItem.KeyFor(instance.ExecutionId, a.TaskId), instance.ExecutionId, a.TaskId, a.Name!, a.Data))
            .ToList();
        var timers = outcome.NewActions.Where(a => a.Type == HistoryEventType.TimerCreated)
            .Select(a => new InboxMessage(
                $"timer-{instance.ExecutionId}-{a.TaskId:D6}", instance.ExecutionId,
                new HistoryEvent(HistoryEventType.TimerFired) { TaskId = a.TaskId, FireAt = a.FireAt, Timestamp = a.FireAt!.Value },
                a.FireAt!.Value))
            .ToList();

        var status = OrchestrationRuntimeStatus.Running;
        if (outcome.Completed)
        {
            status = outcome.Failure is null ? OrchestrationRuntimeStatus.Completed : OrchestrationRuntimeStatus.Failed;
            appended.Add(new HistoryEvent(outcome.Failure is null ? HistoryEventType.ExecutionCompleted : HistoryEventType.ExecutionFailed)
            {
                Timestamp = now,
                Data = outcome.Output,
                Failure = outcome.Failure,
            });
        }

        var ending = outcome.Completed || outcome.ContinuedAsNew;
        var commit = new EpisodeCommit
        {
            FirstSequence = log.History.Count,
            AppendHistory = appended,
            // An ended execution keeps no inbox or work: late results and timers have nobody to wake.
            DeleteMessages = ending ? log.Inbox.Select(m => m.Key).ToList() : consumed,
            DeleteWorkItems = ending ? log.WorkItems.Select(w => w.Key).ToList() : [],
            AddMessages = ending ? [] : timers,
            AddWorkItems = ending ? [] : workItems,
        };
        await _store.CommitEpisodeAsync(instance.InstanceId, commit, cancellation);

        if (outcome.ContinuedAsNew)
        {
            await ContinueAsNewAsync(instance, outcome, now, cancellation);
            return;
        }

        var updated = instance with
        {
            Status = status,
            CustomStatus = outcome.CustomStatus,
            Output = outcome.Completed ? outcome.Output : null,
            Failure = outcome.Failure,
            LastUpdatedAt = now,
        };
        await _store.WriteInstanceAsync(updated, cancellation);
        NotifyChanged(instance.InstanceId);

        if (outcome.Completed)
        {
            await NotifyParentAsync(updated, cancellation);
            return;
        }
        foreach (var item in workItems)
        {
            StartActivity(instance.InstanceId, item);
        }
        foreach (var timer in timers)
        {
            WakeAt(instance.InstanceId, timer.VisibleAt);
        }
        foreach (var created in outcome.NewActions.Where(a => a.Type == HistoryEventType.SubOrchestrationCreated))
        {
            await CreateChildAsync(updated, created, cancellation);
        }
    }

    private async Task TerminateAsync(InstanceRecord instance, InstanceLog log, InboxMessage terminate, DateTime now, CancellationToken cancellation)
    {
        await _store.CommitEpisodeAsync(instance.InstanceId, new EpisodeCommit
        {
            FirstSequence = log.History.Count,
            AppendHistory =
            [
                new HistoryEvent(HistoryEventType.OrchestratorStarted) { Timestamp = now },
                terminate.Event with { Timestamp = now },
            ],
            DeleteMessages = log.Inbox.Select(m => m.Key).ToList(),
            DeleteWorkItems = log.WorkItems.Select(w => w.Key).ToList(),
        }, cancellation);
        var updated = instance with
        {
            Status = OrchestrationRuntimeStatus.Terminated,
            Output = terminate.Event.Data,
            LastUpdatedAt = now,
        };
        await _store.WriteInstanceAsync(updated, cancellation);
        NotifyChanged(instance.InstanceId);
        await NotifyParentAsync(updated, cancellation);
    }

    private async Task ContinueAsNewAsync(InstanceRecord instance, EpisodeOutcome outcome, DateTime now, CancellationToken cancellation)
    {
        await _store.ClearLogAsync(instance.InstanceId, cancellation);
        var next = instance with
        {
            ExecutionId = Guid.NewGuid().ToString("N"),
            Input = outcome.ContinueAsNewInput,
            Status = OrchestrationRuntimeStatus.Running,
            CustomStatus = outcome.CustomStatus,
            Output = null,
            Failure = null,
            LastUpdatedAt = now,
        };
        await _store.WriteInstanceAsync(next, cancellation);
        foreach (var (name, data) in outcome.CarriedOverEvents)
        {
            await _store.PutMessageAsync(instance.InstanceId, new InboxMessage(InboxMessage.NewKey(now), next.ExecutionId,
                new HistoryEvent(HistoryEventType.EventRaised) { Name = name, Data = data, Timestamp = now }, now), cancellation);
        }
        NotifyChanged(instance.InstanceId);
        Poke(instance.InstanceId);
    }

    // The state row may lag the history after a crash: bring it in line, drop leftovers, tell the parent.
    private async Task SettleEndedAsync(InstanceRecord instance, InstanceLog log, CancellationToken cancellation)
    {
        var last = log.History.LastOrDefault();
        if (instance.IsLive && last is not null)
        {
            instance = instance with
            {
                Status = last.Type switch
                {
                    HistoryEventType.ExecutionCompleted => OrchestrationRuntimeStatus.Completed,
                    HistoryEventType.ExecutionFailed => OrchestrationRuntimeStatus.Failed,
                    _ => OrchestrationRuntimeStatus.Terminated,
                },
                Output = last.Data,
                Failure = last.Failure,
                LastUpdatedAt = last.Timestamp,
            };
            await _store.WriteInstanceAsync(instance, cancellation);
            NotifyChanged(instance.InstanceId);
            await NotifyParentAsync(instance, cancellation);
        }
        if (log.Inbox.Count > 0 || log.WorkItems.Count > 0)
        {
            await _store.CommitEpisodeAsync(instance.InstanceId, new EpisodeCommit
            {
                FirstSequence = log.History.Count,
                DeleteMessages = log.Inbox.Select(m => m.Key).ToList(),
                DeleteWorkItems = log.WorkItems.Select(w => w.Key).ToList(),
            }, cancellation);
        }
    }

    private async Task CreateChildAsync(InstanceRecord parent, HistoryEvent created, CancellationToken cancellation)
    {
        var now = UtcNow;
        var child = new InstanceRecord
        {
            InstanceId = created.InstanceId!,
            Name = created.Name!,
            ExecutionId = Guid.NewGuid().ToString("N"),
            Status = OrchestrationRuntimeStatus.Pending,
            Input = created.Data,
            CreatedAt = now,
            LastUpdatedAt = now,
            ParentInstanceId = parent.InstanceId,
            ParentExecutionId = parent.ExecutionId,
            ParentTaskId = created.TaskId,
        };
        if (!await _store.TryCreateInstanceAsync(child, cancellation))
        {
            var existing = await _store.ReadInstanceAsync(child.InstanceId, cancellation);
            var ours = existing is not null && existing.ParentInstanceId == parent.InstanceId && existing.ParentTaskId == created.TaskId;
            if (existing is not null && !ours && existing.IsLive)
            {
                await _store.PutMessageAsync(parent.InstanceId, ChildOutcomeMessage(parent.ExecutionId, created.TaskId,
                    new HistoryEvent(HistoryEventType.SubOrchestrationFailed)
                    {
                        TaskId = created.TaskId,
                        Failure = new TaskFailureDetails("System.InvalidOperationException",
                            $"An orchestration with instance ID '{child.InstanceId}' already exists.", null, null),
                    }), cancellation);
                Poke(parent.InstanceId);
                return;
            }
            if (existing is not null && !ours)
            {
                await _store.ClearLogAsync(child.InstanceId, cancellation);
                await _store.WriteInstanceAsync(child, cancellation);
            }
        }
        Poke(child.InstanceId);
    }

    private async Task NotifyParentAsync(InstanceRecord child, CancellationToken cancellation)
    {
        if (child.ParentInstanceId is null || child.ParentExecutionId is null)
        {
            return;
        }
        var outcome = child.Status == OrchestrationRuntimeStatus.Completed
            ? new HistoryEvent(HistoryEventType.SubOrchestrationCompleted) { TaskId = child.ParentTaskId, Data = child.Output }
            : new HistoryEvent(HistoryEventType.SubOrchestrationFailed)
            {
                TaskId = child.ParentTaskId,
                Failure = child.Failure ?? new TaskFailureDetails("Microsoft.DurableTask.TaskTerminatedException",
                    $"Sub-orchestration '{child.InstanceId}' was terminated: {child.Output}", null, null),
            };
        await _store.PutMessageAsync(child.ParentInstanceId, ChildOutcomeMessage(child.ParentExecutionId, child.ParentTaskId, outcome), cancellation);
        Poke(child.ParentInstanceId);
    }

    // A fixed key per (execution, task), so that telling the parent twice records one outcome.
    private InboxMessage ChildOutcomeMessage(string parentExecutionId, int taskId, HistoryEvent outcome)
    {
        var now = UtcNow;
        return new InboxMessage($"child-{parentExecutionId}-{taskId:D6}", parentExecutionId, outcome with { Timestamp = now }, now);
    }

    private void StartActivity(string instanceId, ActivityWorkItem item)
    {
        if (!_runningActivities.TryAdd(item.Key, 0))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            await _activitySlots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                var result = await InvokeActivityAsync(item).ConfigureAwait(false);
                var now = UtcNow;
                var recorded = await _store.CompleteActivityAsync(instanceId, item.Key,
                    new InboxMessage(InboxMessage.NewKey(now), item.ExecutionId, result with { Timestamp = now }, now), _stopping.Token)
                    .ConfigureAwait(false);
                if (recorded)
                {
                    Poke(instanceId);
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Shutting down: the work item stays and runs again on the next start.
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Recording the result of activity {Activity} of {InstanceId} failed.", item.Name, instanceId);
            }
            finally
            {
                _activitySlots.Release();
                _runningActivities.TryRemove(item.Key, out _);
            }
        });
    }

    private async Task<HistoryEvent> InvokeActivityAsync(ActivityWorkItem item)
    {
        if (!_functions.TryGetActivity(item.Name, out var activity))
        {
            return new HistoryEvent(HistoryEventType.TaskFailed)
            {
                TaskId = item.TaskId,
                Failure = new TaskFailureDetails("System.InvalidOperationException", $"The activity function '{item.Name}' doesn't exist.", null, null),
            };
        }
        try
        {
            var result = await activity(item.Input, _stopping.Token).ConfigureAwait(false);
            return new HistoryEvent(HistoryEventType.TaskCompleted) { TaskId = item.TaskId, Data = JsonDataConverter.Default.Serialize(result) };
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            var cause = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
            return new HistoryEvent(HistoryEventType.TaskFailed) { TaskId = item.TaskId, Failure = TaskFailureDetails.FromException(cause) };
        }
    }

    private void WakeAt(string instanceId, DateTime at)
    {
        var scheduled = _wakeups.AddOrUpdate(instanceId, at, (_, existing) => existing <= at && existing > UtcNow ? existing : at);
        if (scheduled != at)
        {
            return;
        }
        var delay = at - UtcNow;
        _ = Task.Delay(delay > TimeSpan.Zero ? delay + TimeSpan.FromMilliseconds(5) : TimeSpan.Zero, _time, _stopping.Token)
            .ContinueWith(task =>
            {
                _wakeups.TryRemove(new KeyValuePair<string, DateTime>(instanceId, at));
                if (!task.IsCanceled)
                {
                    Poke(instanceId);
                }
            }, TaskScheduler.Default);
    }
}
