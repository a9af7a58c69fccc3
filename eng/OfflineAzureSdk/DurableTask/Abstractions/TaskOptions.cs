namespace Microsoft.DurableTask;

/// <summary>Options for a task scheduled by an orchestrator (Microsoft.DurableTask.Abstractions).</summary>
public record TaskOptions
{
    public TaskOptions(TaskRetryOptions? retry)
        : this(retry, null)
    {
    }

    public TaskOptions(TaskRetryOptions? retry = null, IDictionary<string, string>? tags = null)
    {
        Retry = retry;
        Tags = tags;
    }

    public TaskOptions(TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Retry = options.Retry;
        Tags = options.Tags;
    }

    public TaskRetryOptions? Retry { get; init; }

    public IDictionary<string, string>? Tags { get; init; }

    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    public static TaskOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);

    public static TaskOptions FromRetryHandler(RetryHandler handler) => new(handler);

    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}
