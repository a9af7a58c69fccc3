using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// The storage provider as the sidecar (Microsoft.DurableTask.InProcessTestHost) drives it, with the two things the
/// Functions host's dispatcher (DurableTask.Core's TaskHubWorker) does and the sidecar's doesn't:
/// <list type="bullet">
/// <item>Start and stop in order. The sidecar starts the provider once the worker connects and stops it when its
/// server stops, from two <c>async void</c> handlers that can overlap; stopping
/// <see cref="DurableTask.AzureStorage.AzureStorageOrchestrationService"/> before its start has finished throws a
/// NullReferenceException that ends the process. A stop waits for a start in progress; a start after a stop does
/// nothing, and the dispatchers that the sidecar then starts all the same get no work (their fetches wait), instead of
/// spinning on a provider that isn't running.</item>
/// <item>Renew an activity's lock (its work-item queue message's visibility) while it runs, so the lock can be short:
/// the message of an activity whose process died reappears within one lock period.</item>
/// </list>
/// Everything else passes through.
/// </summary>
internal sealed class SidecarOrchestrationService(IOrchestrationService inner, TimeSpan renewActivityLocksEvery, ILogger logger)
    : IOrchestrationService
{
    private readonly ActivityLockRenewals _renewals = new(inner, renewActivityLocksEvery, logger);
    private readonly object _gate = new();
    private Task? _started;
    private bool _stopped;

    private bool Stopped
    {
        get
        {
            lock (_gate)
            {
                return _stopped;
            }
        }
    }

    public Task StartAsync()
    {
        lock (_gate)
        {
            return _stopped ? Task.CompletedTask : _started ??= inner.StartAsync();
        }
    }

    public Task StopAsync() => StopAsync(isForced: false);

    public async Task StopAsync(bool isForced)
    {
        Task? started;
        lock (_gate)
        {
            _stopped = true;
            started = _started;
        }
        if (started is null)
        {
            return;
        }
        try
        {
            await started;
        }
        catch (Exception ex)
        {
            logger.LogWarning("The task hub had not started ({Error}); nothing to stop.", ex.Message);
            return;
        }
        await inner.StopAsync(isForced);
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        if (Stopped)
        {
            return await NoWorkAsync<TaskActivityWorkItem>(cancellationToken);
        }
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            _renewals.Start(workItem);
        }
        return workItem!;
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await _renewals.StopAsync(workItem);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await _renewals.StopAsync(workItem);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) =>
        inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout,
        CancellationToken cancellationToken) =>
        Stopped
            ? NoWorkAsync<TaskOrchestrationWorkItem>(cancellationToken)
            : inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages,
            timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    // Until the dispatcher asking is stopped itself (or forever, when it never will be: nothing holds it then).
    private static async Task<T> NoWorkAsync<T>(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return default!;
    }
}
