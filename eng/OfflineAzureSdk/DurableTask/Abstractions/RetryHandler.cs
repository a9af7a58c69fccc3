namespace Microsoft.DurableTask;

/// <summary>Decides imperatively whether to retry a failed task. Runs as orchestrator code: it must be deterministic.</summary>
public delegate bool RetryHandler(RetryContext retryContext);

/// <inheritdoc cref="RetryHandler"/>
public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);

/// <summary>What a retry handler is told about the attempts so far.</summary>
public record RetryContext(
    TaskOrchestrationContext OrchestrationContext,
    int LastAttemptNumber,
    TaskFailureDetails LastFailure,
    TimeSpan TotalRetryTime,
    CancellationToken CancellationToken);
