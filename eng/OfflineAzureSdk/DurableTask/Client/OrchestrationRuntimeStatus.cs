namespace Microsoft.DurableTask.Client;

/// <summary>The runtime status of an orchestration instance (Microsoft.DurableTask.Client). Same order as the real enum.</summary>
public enum OrchestrationRuntimeStatus
{
    Running,
    Completed,
    [Obsolete("The ContinuedAsNew status is obsolete and exists only for compatibility reasons.")]
    ContinuedAsNew,
    Failed,
    [Obsolete("The Canceled status is not currently used and exists only for compatibility reasons.")]
    Canceled,
    Terminated,
    Pending,
    Suspended,
}
