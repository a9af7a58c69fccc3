using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace OrgFunctions.LocalHost.Tests.Durable.Engine;

public sealed class EventAndTimerTests
{
    [Fact]
    public async Task AnEventRaisedWhileTheOrchestratorWaitsCompletesTheWait()
    {
        await using var harness = new EngineHarness();
        harness.Functions.AddOrchestrator("Approval", async context =>
        {
            context.SetCustomStatus("waiting");
            var decision = await context.WaitForExternalEvent<string>("Decision");
            return $"decided {decision}";
        });
        await harness.StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await harness.WaitForCustomStatusAsync(id, "waiting");

        await harness.Client.RaiseEventAsync(id, "decision", "yes");

        var result = await harness.CompletionOf(id);
        Assert.Equal("decided yes", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task AnEventRaisedBeforeTheWaitIsBufferedUntilTheOrchestratorAsksForIt()
    {
        await using var harness = new EngineHarness();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gateEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Functions
            .AddActivity<string, string>("Gate", async input => { gateEntered.TrySetResult(); await gate.Task; return input; })
            .AddOrchestrator("Late waiter", async context =>
            {
                await context.CallActivityAsync<string>("Gate", "x");
                var first = await context.WaitForExternalEvent<int>("Number");
                var second = await context.WaitForExternalEvent<int>("Number");
                return first * 10 + second;
            });
        await harness.StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Late waiter");
        await gateEntered.Task.WaitAsync(EngineHarness.Patience);

        await harness.Client.RaiseEventAsync(id, "Number", 4);
        await harness.Client.RaiseEventAsync(id, "Number", 2);
        gate.SetResult();

        var result = await harness.CompletionOf(id);
        Assert.Equal(42, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task WaitForExternalEventWithTimeoutEndsWithTheTimerWhenNoEventComes()
    {
        await using var harness = new EngineHarness();
        harness.Functions.AddOrchestrator("Impatient", async context =>
        {
            try
            {
                return await context.WaitForExternalEvent<string>("Never", TimeSpan.FromMilliseconds(30));
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        });
        await harness.StartAsync();

        var result = await harness.RunAsync("Impatient");

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task EventsForAnEndedOrUnknownInstanceAreDroppedSilently()
    {
        await using var harness = new EngineHarness();
        harness.Functions.AddOrchestrator("Quick", _ => Task.FromResult(1));
        await harness.StartAsync();
        var done = await harness.RunAsync("Quick");

        await harness.Client.RaiseEventAsync(done.InstanceId, "Late", 1);
        await harness.Client.RaiseEventAsync("no-such-instance", "Late", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await harness.Client.GetInstanceAsync(done.InstanceId))!.RuntimeStatus);
    }

    [Fact]
    public async Task ADurableTimerDelaysTheOrchestratorUntilItFires()
    {
        await using var harness = new EngineHarness();
        harness.Functions.AddOrchestrator("Sleeper", async context =>
        {
            var fireAt = context.CurrentUtcDateTime.AddMilliseconds(80);
            await context.CreateTimer(fireAt, CancellationToken.None);
            return context.CurrentUtcDateTime >= fireAt;
        });
        await harness.StartAsync();

        var result = await harness.RunAsync("Sleeper");

        Assert.True(result.ReadOutputAs<bool>());
    }
}
