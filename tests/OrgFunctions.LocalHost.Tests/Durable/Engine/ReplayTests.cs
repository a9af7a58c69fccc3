using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace OrgFunctions.LocalHost.Tests.Durable.Engine;

public sealed class ReplayTests
{
    [Fact]
    public async Task OrchestratorCodeIsReplayedButEachActivityRunsOnce()
    {
        await using var harness = new EngineHarness();
        var codeRuns = 0;
        var replayedRuns = 0;
        var activityRuns = 0;
        harness.Functions
            .AddActivity<int, int>("Double", async n => { Interlocked.Increment(ref activityRuns); await Task.Yield(); return n * 2; })
            .AddOrchestrator("Chain", async context =>
            {
                codeRuns++;
                if (context.IsReplaying)
                {
                    replayedRuns++;
                }
                var value = context.GetInput<int>();
                for (var i = 0; i < 3; i++)
                {
                    value = await context.CallActivityAsync<int>("Double", value);
                }
                return value;
            });
        await harness.StartAsync();

        var result = await harness.RunAsync("Chain", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(8, result.ReadOutputAs<int>());
        Assert.Equal(3, activityRuns);
        Assert.Equal(4, codeRuns); // one episode to start, one per activity result
        Assert.Equal(3, replayedRuns);
    }

    [Fact]
    public async Task NewGuidAndCurrentUtcDateTimeAreTheSameOnEveryReplay()
    {
        await using var harness = new EngineHarness();
        var guidsSeen = new List<Guid>();
        var timesSeen = new List<DateTime>();
        harness.Functions
            .AddActivity<string, string>("Echo", s => Task.FromResult(s))
            .AddOrchestrator("Stable", async context =>
            {
                guidsSeen.Add(context.NewGuid());
                timesSeen.Add(context.CurrentUtcDateTime);
                await context.CallActivityAsync<string>("Echo", "a");
                await context.CallActivityAsync<string>("Echo", "b");
                return new[] { guidsSeen[0], context.NewGuid() };
            });
        await harness.StartAsync();

        var result = await harness.RunAsync("Stable");

        Assert.Equal(3, guidsSeen.Count);
        Assert.Single(guidsSeen.Distinct());
        Assert.Single(timesSeen.Distinct());
        var output = result.ReadOutputAs<Guid[]>()!;
        Assert.NotEqual(output[0], output[1]);
        Assert.Equal(5, output[0].Version);
    }

    [Fact]
    public async Task CurrentUtcDateTimeComesFromHistoryAndAdvancesWithEpisodes()
    {
        await using var harness = new EngineHarness();
        harness.Functions.AddOrchestrator("Clock", async context =>
        {
            var before = context.CurrentUtcDateTime;
            await context.CreateTimer(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            return context.CurrentUtcDateTime - before;
        });
        await harness.StartAsync();

        var result = await harness.RunAsync("Clock");

        Assert.True(result.ReadOutputAs<TimeSpan>() >= TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task AnOrchestratorThatChangesWhatItSchedulesFailsAsNonDeterministic()
    {
        await using var harness = new EngineHarness();
        var runs = 0;
        harness.Functions
            .AddActivity<int, int>("A", n => Task.FromResult(n))
            .AddActivity<int, int>("B", n => Task.FromResult(n))
            .AddOrchestrator("Fickle", async context =>
            {
                await context.CallActivityAsync<int>(runs++ == 0 ? "A" : "B", 1);
                return 0;
            });
        await harness.StartAsync();

        var result = await harness.RunAsync("Fickle");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("Non-deterministic", result.FailureDetails!.ErrorMessage);
    }
}
