using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace OrgFunctions.LocalHost.Durable.Store;

/// <summary>The state row of an orchestration instance (the Instances table).</summary>
internal sealed record InstanceRecord
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    /// <summary>Changes when the instance id is reused or continues as new; messages of another execution are stale.</summary>
    public required string ExecutionId { get; init; }

    public OrchestrationRuntimeStatus Status { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentExecutionId { get; init; }

    public int ParentTaskId { get; init; } = -1;

    /// <summary>The store's concurrency token for the row as read.</summary>
    public string? ETag { get; init; }

    public bool IsLive => Status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running;
}
