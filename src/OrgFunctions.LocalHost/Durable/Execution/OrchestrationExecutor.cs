using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using OrgFunctions.LocalHost.Durable.History;

namespace OrgFunctions.LocalHost.Durable.Execution;

/// <summary>
/// Replays an orchestrator over its history and this episode's new events. The code runs from the start; each
/// recorded event completes the task it belongs to and the continuations run before the next event is applied,
/// so the code takes the same path it took before (with IsReplaying true) until it reaches the new events.
/// </summary>
internal static class OrchestrationExecutor
{
    public static EpisodeOutcome Run(
        OrchestratorInvoker orchestrator,
        string name,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> fresh)
    {
        var context = new ReplayContext(name, instanceId);
        var sync = new OrchestrationSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(sync);
        try
        {
            Task<object?>? run = null;
            foreach (var (recorded, replaying) in past.Select(e => (e, true)).Concat(fresh.Select(e => (e, false))))
            {
                context.Replaying = replaying;
                Apply(recorded, context, orchestrator, ref run);
                sync.Drain();
                if (run is { IsCompleted: true })
                {
                    break;
                }
            }
            return Outcome(context, run);
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return new EpisodeOutcome { Completed = true, Failure = TaskFailureDetails.FromException(ex) };
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static void Apply(HistoryEvent recorded, ReplayContext context, OrchestratorInvoker orchestrator, ref Task<object?>? run)
    {
        switch (recorded.Type)
        {
            case HistoryEventType.OrchestratorStarted:
                context.CurrentTime = recorded.Timestamp;
                break;
            case HistoryEventType.ExecutionStarted:
                context.CurrentTime = context.CurrentTime == default ? recorded.Timestamp : context.CurrentTime;
                context.Start(recorded.Data);
                run = Invoke(orchestrator, context);
                break;
            case HistoryEventType.EventRaised:
                context.Raise(recorded.Name ?? string.Empty, recorded.Data);
                break;
            case var _ when recorded.IsTaskScheduling:
                context.Confirm(recorded);
                break;
            case var _ when recorded.IsTaskCompletion:
                context.Complete(recorded);
                break;
        }
    }

    private static Task<object?> Invoke(OrchestratorInvoker orchestrator, ReplayContext context)
    {
        try
        {
            return orchestrator(context);
        }
        catch (Exception ex)
        {
            return Task.FromException<object?>(ex);
        }
    }

    // A task failure the orchestrator let through keeps the task's own failure as its inner cause.
    private static TaskFailureDetails FailureOf(Exception error) => error is TaskFailedException failed
        ? new TaskFailureDetails(error.GetType().ToString(), error.Message, error.StackTrace, failed.FailureDetails)
        : TaskFailureDetails.FromException(error);

    private static EpisodeOutcome Outcome(ReplayContext context, Task<object?>? run)
    {
        var outcome = new EpisodeOutcome { NewActions = context.NewActions.ToList(), CustomStatus = context.SerializedCustomStatus };
        if (run is null || !run.IsCompleted)
        {
            return outcome;
        }
        if (run.IsFaulted || run.IsCanceled)
        {
            var error = run.IsCanceled ? new TaskCanceledException(run) : run.Exception!.InnerException ?? run.Exception!;
            return outcome with { Completed = true, Failure = FailureOf(error) };
        }
        if (context.ContinuedAsNew is { } next)
        {
            return outcome with
            {
                ContinuedAsNew = true,
                ContinueAsNewInput = next.Input,
                CarriedOverEvents = next.PreserveEvents ? context.UnconsumedEvents.ToList() : [],
            };
        }
        return outcome with { Completed = true, Output = JsonDataConverter.Default.Serialize(run.Result) };
    }
}
