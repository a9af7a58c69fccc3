using Microsoft.Extensions.Logging;

namespace Microsoft.DurableTask;

/// <summary>
/// What an orchestrator uses to schedule activities, timers, sub-orchestrations and to wait for events
/// (Microsoft.DurableTask.Abstractions). Abstract, as in the real package, so tests mock it with Moq.
/// </summary>
public abstract class TaskOrchestrationContext
{
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>The orchestration's time, taken from its history: the same value on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract bool IsReplaying { get; }

    public abstract T? GetInput<T>();

    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object>(name, input, options);

    public abstract Task<T> CallActivityAsync<T>(TaskName name, object? input = null, TaskOptions? options = null);

    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        // As in the real package: a durable timer races the event, and the loser is cancelled.
        using var timerCts = new CancellationTokenSource();
        var timeoutTask = CreateTimer(timeout, timerCts.Token);
        using var eventCts = new CancellationTokenSource();
        var externalEventTask = WaitForExternalEvent<T>(eventName, eventCts.Token);

        var winner = await Task.WhenAny(timeoutTask, externalEventTask);
        if (winner == externalEventTask)
        {
            timerCts.Cancel();
        }
        else
        {
            eventCts.Cancel();
        }
        return await externalEventTask;
    }

    public abstract void SetCustomStatus(object? customStatus);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(
        TaskName orchestratorName,
        string? instanceId = null,
        object? input = null,
        TaskOptions? options = null);

    public Task CallSubOrchestratorAsync(
        TaskName orchestratorName,
        string? instanceId = null,
        object? input = null,
        TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object>(orchestratorName, instanceId, input, options);

    public abstract void ContinueAsNew(object newInput, bool preserveUnprocessedEvents = true);

    /// <summary>A name-based (v5) UUID from the instance id, the orchestration time and a counter: stable across replays.</summary>
    public abstract Guid NewGuid();

    public ILogger CreateReplaySafeLogger(ILogger logger) => new ReplaySafeLogger(this, logger);

    private sealed class ReplaySafeLogger : ILogger
    {
        private readonly TaskOrchestrationContext _context;
        private readonly ILogger _logger;

        internal ReplaySafeLogger(TaskOrchestrationContext context, ILogger logger)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => _logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!_context.IsReplaying)
            {
                _logger.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
