using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace OrgFunctions.LocalHost.Tests.Durable.Engine;

public sealed class ClientTests
{
    private static EngineHarness WithWaiter()
    {
        var harness = new EngineHarness();
        harness.Functions
            .AddOrchestrator("Waiter", async context =>
            {
                context.SetCustomStatus("waiting");
                return await context.WaitForExternalEvent<string>("Go");
            })
            .AddOrchestrator("Echo", context => Task.FromResult(context.GetInput<Order>()));
        return harness;
    }

    public sealed record Order(string Id, int Quantity);

    [Fact]
    public async Task ScheduleUsesTheCallersInstanceIdAndRefusesItWhileThatInstanceIsLive()
    {
        await using var harness = await WithWaiter().StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", new StartOrchestrationOptions("order-42"));

        Assert.Equal("order-42", id);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", new StartOrchestrationOptions("order-42")));
    }

    [Fact]
    public async Task ScheduleReplacesAnEndedInstanceWithTheSameId()
    {
        await using var harness = await WithWaiter().StartAsync();
        await harness.RunAsync("Echo", new Order("a", 1), instanceId: "reused");

        var second = await harness.RunAsync("Echo", new Order("b", 2), instanceId: "reused");

        Assert.Equal(new Order("b", 2), second.ReadOutputAs<Order>());
    }

    [Fact]
    public async Task GetInstanceReturnsInputsOutputsAndCustomStatusOnlyWhenAsked()
    {
        await using var harness = await WithWaiter().StartAsync();
        var done = await harness.RunAsync("Echo", new Order("o-1", 3));

        var full = await harness.Client.GetInstanceAsync(done.InstanceId, getInputsAndOutputs: true);
        var slim = await harness.Client.GetInstanceAsync(done.InstanceId);

        Assert.Equal("Echo", full!.Name);
        Assert.Equal(new Order("o-1", 3), full.ReadInputAs<Order>());
        Assert.Equal(new Order("o-1", 3), full.ReadOutputAs<Order>());
        Assert.True(full.IsCompleted);
        Assert.False(full.IsRunning);
        Assert.True(full.LastUpdatedAt >= full.CreatedAt);
        Assert.Null(slim!.SerializedInput);
        Assert.Throws<InvalidOperationException>(() => slim.ReadInputAs<Order>());
        Assert.Null(await harness.Client.GetInstanceAsync("unknown"));
    }

    [Fact]
    public async Task CustomStatusIsVisibleWhileTheOrchestrationRuns()
    {
        await using var harness = await WithWaiter().StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");

        await harness.WaitForCustomStatusAsync(id, "waiting");

        var running = await harness.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.True(running.IsRunning);
        Assert.Equal("waiting", running.ReadCustomStatusAs<string>());
    }

    [Fact]
    public async Task WaitForInstanceStartReturnsOnceTheInstanceRuns()
    {
        await using var harness = await WithWaiter().StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");

        var started = await harness.Client.WaitForInstanceStartAsync(id, new CancellationTokenSource(EngineHarness.Patience).Token);

        Assert.NotEqual(OrchestrationRuntimeStatus.Pending, started.RuntimeStatus);
    }

    [Fact]
    public async Task TerminateEndsALiveInstanceWithTheGivenOutput()
    {
        await using var harness = await WithWaiter().StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await harness.WaitForCustomStatusAsync(id, "waiting");

        await harness.Client.TerminateInstanceAsync(id, "no longer needed");

        var result = await harness.CompletionOf(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("no longer needed", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeRemovesAnEndedInstanceButNotALiveOne()
    {
        await using var harness = await WithWaiter().StartAsync();
        var done = await harness.RunAsync("Echo", new Order("p", 1));
        var live = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");

        var purgedDone = await harness.Client.PurgeInstanceAsync(done.InstanceId);
        var purgedLive = await harness.Client.PurgeInstanceAsync(live);

        Assert.Equal(1, purgedDone.PurgedInstanceCount);
        Assert.Null(await harness.Client.GetInstanceAsync(done.InstanceId));
        Assert.Empty((await harness.Store.ReadLogAsync(done.InstanceId, default)).History);
        Assert.Equal(0, purgedLive.PurgedInstanceCount);
        Assert.NotNull(await harness.Client.GetInstanceAsync(live));
    }

    [Fact]
    public async Task ContinueAsNewRestartsWithTheNewInputAndAFreshHistory()
    {
        await using var harness = new EngineHarness();
        harness.Functions.AddOrchestrator("Counter", context =>
        {
            var n = context.GetInput<int>();
            if (n < 3)
            {
                context.ContinueAsNew(n + 1);
            }
            return Task.FromResult(n);
        });
        await harness.StartAsync();

        var result = await harness.RunAsync("Counter", 0);

        Assert.Equal(3, result.ReadOutputAs<int>());
        Assert.Equal(3, result.ReadInputAs<int>());
    }
}
