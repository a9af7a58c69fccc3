using Microsoft.DurableTask;
using OrgFunctions.LocalHost.Durable.History;

namespace OrgFunctions.LocalHost.Durable.Execution;

/// <summary>What a replay produced: new work to record, and whether the orchestrator finished.</summary>
internal sealed record EpisodeOutcome
{
    public IReadOnlyList<HistoryEvent> NewActions { get; init; } = [];

    public string? CustomStatus { get; init; }

    public bool Completed { get; init; }

    public string? Output { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    /// <summary>Set when the orchestrator called ContinueAsNew and returned.</summary>
    public string? ContinueAsNewInput { get; init; }

    public bool ContinuedAsNew { get; init; }

    public IReadOnlyList<(string Name, string? Data)> CarriedOverEvents { get; init; } = [];
}
