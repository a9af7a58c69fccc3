namespace Microsoft.Azure.Functions.Worker;

/// <summary>Retry information for the event that triggered an invocation.</summary>
public abstract class RetryContext
{
    public abstract int RetryCount { get; }

    public abstract int MaxRetryCount { get; }
}
