using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace OrgFunctions.LocalHost.Tests.Durable.Engine;

public sealed class SubOrchestrationTests
{
    [Fact]
    public async Task ASubOrchestrationsOutputIsReturnedToItsParent()
    {
        await using var harness = new EngineHarness();
        harness.Functions
            .AddActivity<int, int>("Square", n => Task.FromResult(n * n))
            .AddOrchestrator("Child", async context => await context.CallActivityAsync<int>("Square", context.GetInput<int>()) + 1)
            .AddOrchestrator("Parent", async context =>
            {
                var a = await context.CallSubOrchestratorAsync<int>("Child", input: 3);
                var b = await context.CallSubOrchestratorAsync<int>("Child", "child-of-" + context.InstanceId, 4);
                return a + b;
            });
        await harness.StartAsync();

        var result = await harness.RunAsync("Parent", instanceId: "parent-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(10 + 17, result.ReadOutputAs<int>());
        var namedChild = await harness.Client.GetInstanceAsync("child-of-parent-1", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, namedChild!.RuntimeStatus);
        Assert.Equal(17, namedChild.ReadOutputAs<int>());
    }

    [Fact]
    public async Task AFailedSubOrchestrationIsATaskFailedExceptionInItsParent()
    {
        await using var harness = new EngineHarness();
        harness.Functions
            .AddOrchestrator<int>("Failing child", _ => throw new ArgumentException("bad child"))
            .AddOrchestrator("Parent", async context =>
            {
                try
                {
                    return await context.CallSubOrchestratorAsync<string>("Failing child");
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorType + ": " + ex.FailureDetails.ErrorMessage;
                }
            });
        await harness.StartAsync();

        var result = await harness.RunAsync("Parent");

        Assert.Equal("System.ArgumentException: bad child", result.ReadOutputAs<string>());
    }
}
