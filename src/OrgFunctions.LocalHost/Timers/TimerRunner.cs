using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Invocation;

namespace OrgFunctions.LocalHost.Timers;

/// <summary>
/// One timer function's schedule loop. Runs are serialised by one lock, shared with on-demand runs, so a
/// timer never runs twice at once; occurrences that fall due during a slow run are coalesced into a single
/// past-due run right after it, never queued one by one.
/// </summary>
internal sealed class TimerRunner(LocalFunction function, TimerSchedule schedule, bool runOnStartup, IFunctionInvoker invoker,
    TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTime _lastDue = DateTime.MinValue;

    public LocalFunction Function => function;

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(CancellationToken stopping) => Completion = Task.Run(() => LoopAsync(stopping), CancellationToken.None);

    public Task RunNowAsync(CancellationToken cancellationToken) => RunOnceAsync(Now(), pastDue: false, cancellationToken);

    private async Task LoopAsync(CancellationToken stopping)
    {
        try
        {
            var cursor = Now();
            if (runOnStartup)
            {
                await RunOnceAsync(cursor, pastDue: false, stopping);
            }
            while (!stopping.IsCancellationRequested)
            {
                if (schedule.GetNextOccurrence(cursor) is not { } due)
                {
                    logger.LogWarning("Timer '{Function}' has no further occurrence of '{Schedule}'.", function.Name, schedule);
                    return;
                }
                var now = Now();
                if (due > now)
                {
                    // In steps: Task.Delay refuses waits longer than ~49 days, and schedules may be yearly.
                    while (due > now)
                    {
                        await Task.Delay(due - now < MaxWait ? due - now : MaxWait, time, stopping);
                        now = Now();
                    }
                }
                else
                {
                    due = LatestOccurrenceNotAfter(due, now);
                }
                await RunOnceAsync(due, pastDue: now - due > TimerTriggerBinding.PastDueThreshold, stopping);
                cursor = due;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    // Several occurrences missed (a slow run, a suspended machine): run once for the latest of them.
    private DateTime LatestOccurrenceNotAfter(DateTime due, DateTime now)
    {
        while (schedule.GetNextOccurrence(due) is { } following && following <= now)
        {
            due = following;
        }
        return due;
    }

    private async Task RunOnceAsync(DateTime due, bool pastDue, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var info = new TimerInfo
            {
                IsPastDue = pastDue,
                ScheduleStatus = new ScheduleStatus
                {
                    Last = _lastDue,
                    Next = schedule.GetNextOccurrence(due) ?? DateTime.MaxValue,
                    LastUpdated = Now(),
                },
            };
            _lastDue = due;
            if (pastDue)
            {
                logger.LogInformation("Timer '{Function}' is past due (due {Due:O}).", function.Name, due);
            }
            await invoker.InvokeAsync(function, InvocationRequest.WithTrigger(info, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Timer function '{Function}' failed.", function.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
