using System.Collections.Concurrent;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// Renews the lock of each running activity at a fixed interval, as DurableTask.Core's activity dispatcher does for the
/// Functions host, until the activity completes or is abandoned.
/// </summary>
internal sealed class ActivityLockRenewals(IOrchestrationService service, TimeSpan interval, ILogger logger)
{
    private readonly ConcurrentDictionary<TaskActivityWorkItem, Renewal> _running = new(ReferenceEqualityComparer.Instance);

    public void Start(TaskActivityWorkItem workItem)
    {
        var stop = new CancellationTokenSource();
        _running[workItem] = new Renewal(stop, Task.Run(() => RenewUntilStoppedAsync(workItem, stop.Token), CancellationToken.None));
    }

    /// <summary>
    /// Ends the renewals and waits for one in flight: a renewal changes the message's pop receipt, and completing with the
    /// old one would fail and leave the message to run again.
    /// </summary>
    public async Task StopAsync(TaskActivityWorkItem workItem)
    {
        if (_running.TryRemove(workItem, out var renewal))
        {
            await renewal.Stop.CancelAsync();
            await renewal.Loop;
            renewal.Stop.Dispose();
        }
    }

    private async Task RenewUntilStoppedAsync(TaskActivityWorkItem workItem, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await service.RenewTaskActivityWorkItemLockAsync(workItem);
                }
                catch (Exception ex)
                {
                    // Storage trouble: the next tick tries again; if the lock lapses meanwhile, the activity may run twice.
                    logger.LogWarning("Renewing the lock of activity work item {WorkItem} failed: {Error}", workItem.Id, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The activity ended.
        }
    }

    private sealed record Renewal(CancellationTokenSource Stop, Task Loop);
}
