using System.Threading.Channels;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Invocation;
using OrgFunctions.LocalHost.Tests.Samples;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.LocalHost.Timers;

namespace OrgFunctions.LocalHost.Tests.Timers;

/// <summary>The schedule loop on a manual clock: due runs, past-due runs and coalescing, without real waiting.</summary>
public sealed class TimerRunnerTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 5, TimeSpan.Zero);

    private sealed class BlockingInvoker : IFunctionInvoker
    {
        private int _running;

        public Channel<TimerInfo> Started { get; } = Channel.CreateUnbounded<TimerInfo>();
        public SemaphoreSlim Release { get; } = new(0);
        public int MaxRunning { get; private set; }

        public async Task<object?> InvokeAsync(LocalFunction function, InvocationRequest invocation)
        {
            MaxRunning = Math.Max(MaxRunning, Interlocked.Increment(ref _running));
            Started.Writer.TryWrite((TimerInfo)invocation.TriggerValue(null!)!);
            try
            {
                await Release.WaitAsync();
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
            return null;
        }
    }

    private static LocalFunction SlowTimerFunction() =>
        FunctionDiscovery.Discover([typeof(TimerSamples).Assembly]).Single(f => f.Name == "slowTimer");

    private static async Task<(TimerRunner Runner, BlockingInvoker Invoker, ManualTimeProvider Clock, CancellationTokenSource Stop)> StartEveryTenSecondsAsync()
    {
        var clock = new ManualTimeProvider(Start);
        var invoker = new BlockingInvoker();
        var runner = new TimerRunner(SlowTimerFunction(), TimerSchedule.Parse("*/10 * * * * *", new ConfigurationBuilder().Build()), runOnStartup: false, invoker,
            clock, NullLogger.Instance);
        var stop = new CancellationTokenSource();
        var waiting = clock.NextTimerCreated();
        runner.Start(stop.Token);
        await waiting.Within();
        return (runner, invoker, clock, stop);
    }

    [Fact]
    public async Task ARunOnTimeIsNotPastDue()
    {
        var (runner, invoker, clock, stop) = await StartEveryTenSecondsAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        var info = await Await.NextAsync(invoker.Started.Reader);
        Assert.False(info.IsPastDue);
        Assert.Equal(new DateTime(2030, 1, 1, 0, 0, 20, DateTimeKind.Utc), info.ScheduleStatus!.Next);
        invoker.Release.Release();
        await stop.CancelAsync();
        await runner.Completion.Within();
    }

    [Fact]
    public async Task OccurrencesMissedDuringASlowRunBecomeOnePastDueRunAfterIt()
    {
        var (runner, invoker, clock, stop) = await StartEveryTenSecondsAsync();
        clock.Advance(TimeSpan.FromSeconds(5));                 // 00:00:10 due
        var first = await Await.NextAsync(invoker.Started.Reader);
        clock.Advance(TimeSpan.FromSeconds(35));                // 00:00:45: 20, 30 and 40 fell due during the run

        var waiting = clock.NextTimerCreated();
        invoker.Release.Release();
        var second = await Await.NextAsync(invoker.Started.Reader);
        invoker.Release.Release();
        await waiting.Within();                                 // the loop waits for 00:00:50: nothing else ran

        Assert.False(first.IsPastDue);
        Assert.True(second.IsPastDue);
        Assert.Equal(new DateTime(2030, 1, 1, 0, 0, 10, DateTimeKind.Utc), second.ScheduleStatus!.Last);
        Assert.False(invoker.Started.Reader.TryRead(out _));
        Assert.Equal(1, invoker.MaxRunning);
        await stop.CancelAsync();
        await runner.Completion.Within();
    }

    [Fact]
    public async Task AnOnDemandRunWaitsForTheScheduledRunInProgress()
    {
        var (runner, invoker, clock, stop) = await StartEveryTenSecondsAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        await Await.NextAsync(invoker.Started.Reader);

        var onDemand = runner.RunNowAsync(CancellationToken.None);
        Assert.False(invoker.Started.Reader.TryRead(out _));    // cannot start: the scheduled run holds the gate
        invoker.Release.Release();
        var second = await Await.NextAsync(invoker.Started.Reader);
        invoker.Release.Release();
        await onDemand.Within();

        Assert.False(second.IsPastDue);
        Assert.Equal(1, invoker.MaxRunning);
        await stop.CancelAsync();
        await runner.Completion.Within();
    }
}
