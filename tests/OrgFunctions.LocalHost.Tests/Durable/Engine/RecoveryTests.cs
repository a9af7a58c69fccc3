using Microsoft.DurableTask.Client;

namespace OrgFunctions.LocalHost.Tests.Durable.Engine;

/// <summary>An engine stopped mid-orchestration and a new one started on the same store, as after a crash.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task ANewEngineResumesLiveInstancesWithoutRerunningRecordedActivities()
    {
        var store = new LocalHost.Durable.Store.InMemoryDurableStore();
        var runs = new Dictionary<string, int>();
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blockSecond = true;

        void Register(EngineHarness harness) => harness.Functions
            .AddActivity<string, string>("Step", async name =>
            {
                lock (runs)
                {
                    runs[name] = runs.GetValueOrDefault(name) + 1;
                }
                if (name == "second" && blockSecond)
                {
                    secondStarted.TrySetResult();
                    await Task.Delay(Timeout.Infinite);
                }
                return name.ToUpperInvariant();
            })
            .AddOrchestrator("Three steps", async context =>
                string.Join(",", await context.CallActivityAsync<string>("Step", "first"),
                    await context.CallActivityAsync<string>("Step", "second"),
                    await context.CallActivityAsync<string>("Step", "third")));

        var crashed = new EngineHarness(store);
        Register(crashed);
        await crashed.StartAsync();
        var id = await crashed.Client.ScheduleNewOrchestrationInstanceAsync("Three steps");
        await secondStarted.Task.WaitAsync(EngineHarness.Patience);
        await crashed.StopAsync();

        blockSecond = false;
        await using var restarted = new EngineHarness(store);
        Register(restarted);
        await restarted.StartAsync();
        var result = await restarted.CompletionOf(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("FIRST,SECOND,THIRD", result.ReadOutputAs<string>());
        Assert.Equal(1, runs["first"]);
        Assert.Equal(2, runs["second"]);
        Assert.Equal(1, runs["third"]);
    }
}
