namespace Microsoft.DurableTask;

/// <summary>Thrown in an orchestrator when an activity or sub-orchestration it awaited failed.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, Exception innerException)
        : base(Describe(taskName, taskId, innerException?.Message), innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base(Describe(taskName, taskId, failureDetails?.ErrorMessage))
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public string TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }

    private static string Describe(string taskName, int taskId, string? cause) => cause is null
        ? $"Task '{taskName}' (#{taskId}) failed with an unhandled exception."
        : $"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {cause}";
}
