namespace OrgFunctions.LocalHost.Durable.History;

/// <summary>The kinds of event an orchestration's history is made of (the subset of Durable Task's we need).</summary>
internal enum HistoryEventType
{
    ExecutionStarted,
    OrchestratorStarted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    TimerCreated,
    TimerFired,
    EventRaised,
    SubOrchestrationCreated,
    SubOrchestrationCompleted,
    SubOrchestrationFailed,
    ExecutionCompleted,
    ExecutionFailed,
    ExecutionTerminated,
}
