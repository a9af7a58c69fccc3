namespace Microsoft.DurableTask;

/// <summary>Options for starting an orchestration from a client (declared in TaskOptions.cs of the real package).</summary>
public record StartOrchestrationOptions
{
#pragma warning disable IDE1006 // PascalCase parameters: the real record keeps its positional-record names.
    public StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
#pragma warning restore IDE1006
    {
        this.InstanceId = InstanceId;
        this.StartAt = StartAt;
    }

    public StartOrchestrationOptions(StartOrchestrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InstanceId = options.InstanceId;
        StartAt = options.StartAt;
    }

    public string? InstanceId { get; init; }

    public DateTimeOffset? StartAt { get; init; }
}
