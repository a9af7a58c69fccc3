using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace OrgFunctions.LocalHost.Tests.Durable.Engine;

public sealed class ActivityFailureTests
{
    [Fact]
    public async Task AnActivityFailingTwiceIsRetriedByTheRetryPolicyUntilItSucceeds()
    {
        await using var harness = new EngineHarness();
        var attempts = 0;
        harness.Functions
            .AddActivity<string, string>("Flaky", input =>
                ++attempts < 3 ? throw new InvalidOperationException($"attempt {attempts}") : Task.FromResult(input + "!"))
            .AddOrchestrator("Retrying", context => context.CallActivityAsync<string>("Flaky", "ok",
                TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(20), backoffCoefficient: 2))));
        await harness.StartAsync();

        var result = await harness.RunAsync("Retrying");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("ok!", result.ReadOutputAs<string>());
        Assert.Equal(3, attempts);
        var history = (await harness.Store.ReadLogAsync(result.InstanceId, default)).History;
        Assert.Equal(3, history.Count(e => e.Type == LocalHost.Durable.History.HistoryEventType.TaskScheduled));
        Assert.Equal(2, history.Count(e => e.Type == LocalHost.Durable.History.HistoryEventType.TimerFired));
    }

    [Fact]
    public async Task RetriesStopAtMaxNumberOfAttemptsAndTheLastFailureSurfaces()
    {
        await using var harness = new EngineHarness();
        var attempts = 0;
        harness.Functions
            .AddActivity<string, string>("Broken", _ => throw new InvalidOperationException($"attempt {++attempts}"))
            .AddOrchestrator("GivesUp", context => context.CallActivityAsync<string>("Broken", "x",
                new TaskOptions(new TaskRetryOptions(new RetryPolicy(2, TimeSpan.FromMilliseconds(10))))));
        await harness.StartAsync();

        var result = await harness.RunAsync("GivesUp");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(2, attempts);
        Assert.Contains("attempt 2", result.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task ARetryHandlerDecidesWhetherToRetry()
    {
        await using var harness = new EngineHarness();
        var attempts = 0;
        harness.Functions
            .AddActivity<string, string>("Broken", _ => throw new InvalidOperationException($"attempt {++attempts}"))
            .AddOrchestrator("Handled", async context =>
            {
                try
                {
                    return await context.CallActivityAsync<string>("Broken", "x",
                        TaskOptions.FromRetryHandler(retry => retry.LastAttemptNumber < 4 && retry.LastFailure.IsCausedBy<InvalidOperationException>()));
                }
                catch (TaskFailedException)
                {
                    return "gave up";
                }
            });
        await harness.StartAsync();

        var result = await harness.RunAsync("Handled");

        Assert.Equal("gave up", result.ReadOutputAs<string>());
        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task AnActivityFailureIsATaskFailedExceptionTheOrchestratorCanCatch()
    {
        await using var harness = new EngineHarness();
        harness.Functions
            .AddActivity<string, string>("Boom", _ => throw new InvalidOperationException("boom"))
            .AddOrchestrator("Catches", async context =>
            {
                try
                {
                    await context.CallActivityAsync<string>("Boom", "x");
                    return "not reached";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.IsCausedBy<InvalidOperationException>()}";
                }
            });
        await harness.StartAsync();

        var result = await harness.RunAsync("Catches");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("Boom|System.InvalidOperationException|boom|True", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task AnUnhandledFailureFailsTheOrchestrationWithDetails()
    {
        await using var harness = new EngineHarness();
        harness.Functions
            .AddActivity<string, string>("Boom", _ => throw new InvalidOperationException("boom"))
            .AddOrchestrator("Lets it fly", context => context.CallActivityAsync<string>("Boom", "x"));
        await harness.StartAsync();

        var result = await harness.RunAsync("Lets it fly");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("Task 'Boom' (#0) failed with an unhandled exception: boom", result.FailureDetails.ErrorMessage);
        Assert.Equal("System.InvalidOperationException", result.FailureDetails.InnerFailure?.ErrorType);
    }

    [Fact]
    public async Task AnUnknownOrchestratorFailsTheInstance()
    {
        await using var harness = await new EngineHarness().StartAsync();

        var result = await harness.RunAsync("Nobody");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("Nobody", result.FailureDetails!.ErrorMessage);
    }
}
