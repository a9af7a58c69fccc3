namespace Microsoft.DurableTask;

/// <summary>Task options for a sub-orchestration, with its instance id (declared in TaskOptions.cs of the real package).</summary>
public record SubOrchestrationOptions : TaskOptions
{
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options)
    {
        InstanceId = instanceId ?? (options as SubOrchestrationOptions)?.InstanceId;
    }

    public SubOrchestrationOptions(SubOrchestrationOptions options)
        : base(options)
    {
        InstanceId = options.InstanceId;
    }

    public string? InstanceId { get; init; }
}
