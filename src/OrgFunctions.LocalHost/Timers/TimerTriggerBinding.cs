using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Invocation;

namespace OrgFunctions.LocalHost.Timers;

/// <summary>
/// Runs <c>[TimerTrigger]</c> functions on their schedules (UTC), on startup when <c>RunOnStartup</c> is set,
/// and on demand. An invalid schedule stops the host from starting, as it does in Functions.
/// </summary>
internal sealed class TimerTriggerBinding(IFunctionInvoker invoker, IConfiguration configuration, TimeProvider time,
    ILoggerFactory loggers) : ITriggerBinding
{
    private readonly Dictionary<string, TimerRunner> _runners = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _stopping;

    /// <summary>A run that starts later than this after its due time is past due.</summary>
    internal static TimeSpan PastDueThreshold { get; } = TimeSpan.FromSeconds(1);

    public Type TriggerAttributeType => typeof(TimerTriggerAttribute);

    public Task StartAsync(IReadOnlyList<LocalFunction> functions, CancellationToken cancellationToken)
    {
        var runners = functions.Select(f =>
        {
            var trigger = (TimerTriggerAttribute)f.Trigger;
            TimerSchedule schedule;
            try
            {
                schedule = TimerSchedule.Parse(trigger.Schedule, configuration);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"Timer function '{f.Name}': {ex.Message}", ex);
            }
            return new TimerRunner(f, schedule, trigger.RunOnStartup, invoker, time, loggers.CreateLogger("Function." + f.Name));
        }).ToList();

        _stopping = new CancellationTokenSource();
        foreach (var runner in runners)
        {
            _runners[runner.Function.Name] = runner;
            runner.Start(_stopping.Token);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }
        await _stopping.CancelAsync();
        await Task.WhenAll(_runners.Values.Select(r => r.Completion)).WaitAsync(cancellationToken);
        _stopping.Dispose();
        _stopping = null;
    }

    public Task InvokeOnDemandAsync(LocalFunction function, string? input, CancellationToken cancellationToken) =>
        RunNowAsync(function.Name, cancellationToken);

    /// <summary>
    /// Runs a timer function now (IsPastDue false) and completes when that run has ended. If a run of the same
    /// function is in progress, this one waits for it: runs of one timer never overlap.
    /// </summary>
    public Task RunNowAsync(string functionName, CancellationToken cancellationToken = default) =>
        _runners.TryGetValue(functionName, out var runner)
            ? runner.RunNowAsync(cancellationToken)
            : throw new ArgumentException($"No timer function named '{functionName}' is running.", nameof(functionName));
}
