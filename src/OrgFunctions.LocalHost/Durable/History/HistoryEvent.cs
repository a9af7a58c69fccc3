using Microsoft.DurableTask;

namespace OrgFunctions.LocalHost.Durable.History;

/// <summary>
/// One recorded fact of an orchestration. Replaying the history in order rebuilds the orchestrator's state.
/// <see cref="TaskId"/> is the id a scheduling event gave its task and the id a completion event refers to.
/// </summary>
internal sealed record HistoryEvent(HistoryEventType Type)
{
    public DateTime Timestamp { get; init; }

    public int TaskId { get; init; } = -1;

    /// <summary>Activity, orchestrator, sub-orchestrator or event name.</summary>
    public string? Name { get; init; }

    /// <summary>Serialized input, result or event payload.</summary>
    public string? Data { get; init; }

    public DateTime? FireAt { get; init; }

    /// <summary>The sub-orchestration's instance id.</summary>
    public string? InstanceId { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public bool IsTaskScheduling =>
        Type is HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.SubOrchestrationCreated;

    public bool IsTaskCompletion =>
        Type is HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed or HistoryEventType.TimerFired
            or HistoryEventType.SubOrchestrationCompleted or HistoryEventType.SubOrchestrationFailed;
}
