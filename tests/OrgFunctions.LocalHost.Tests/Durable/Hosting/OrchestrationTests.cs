using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using OrgFunctions.LocalHost.Tests.Durable.Samples;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Durable.Hosting;

/// <summary>The app's orchestrator and activity functions on the real Durable Task worker, started and driven by the real client.</summary>
public sealed class OrchestrationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnHttpStarterAnswers202WithTheIdAndTheOrchestrationCompletesWithItsActivitiesResults()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var input = JsonSerializer.Serialize(new DurableSamples.StepsInput(AzuriteFixture.UniqueName("runs"), BlockOnStep: 0));

        using var started = await DurableHost.StartOrchestrationAsync(host.Client, "ThreeSteps", input, instanceId: "order-7");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("order-7", (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal("/api/durable/instances/order-7", started.Headers.Location?.ToString());
        var done = await DurableHost.WaitUntilEndedAsync(host.Client, "order-7");
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal("ThreeSteps", done.GetProperty("name").GetString());
        // The input reached the orchestrator's StepsInput parameter, and each activity its StepRun.
        Assert.Equal("step1,step2,step3", done.GetProperty("output").GetString());
    }

    [Fact]
    public async Task FanOutRunsAnActivityPerItemAndGathersTheResultsInOrder()
    {
        await using var host = await DurableHost.StartAsync(azurite);

        using var started = await DurableHost.StartOrchestrationAsync(host.Client, "GreetAll", """["Ann","Bo","Cy"]""");
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var done = await DurableHost.WaitUntilEndedAsync(host.Client, id);
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal("""["Hello, Ann!","Hello, Bo!","Hello, Cy!"]""", done.GetProperty("output").GetRawText());
    }

    [Fact]
    public async Task AnExternalEventCompletesAWaitingOrchestration()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var id = await host.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(DurableSamples.AwaitApproval));
        var waiting = await DurableHost.WaitForStatusAsync(host.Client, id,
            s => s.GetProperty("customStatus").ValueKind == JsonValueKind.String);
        Assert.Equal("Running", waiting.GetProperty("runtimeStatus").GetString());
        Assert.Equal("awaiting approval", waiting.GetProperty("customStatus").GetString());

        await host.Durable.RaiseEventAsync(id, "Approval", "Ann");

        var done = await host.Durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true).WaitAsync(Await.Bound);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("approved by Ann", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task TerminatingAWaitingOrchestrationEndsItWithTheReasonAsOutput()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var id = await host.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(DurableSamples.AwaitApproval));
        await DurableHost.WaitForStatusAsync(host.Client, id, s => s.GetProperty("customStatus").ValueKind == JsonValueKind.String);

        await host.Durable.TerminateInstanceAsync(id, "cancelled");

        var done = await DurableHost.WaitUntilEndedAsync(host.Client, id);
        Assert.Equal("Terminated", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal("cancelled", done.GetProperty("output").GetString());
    }

    [Fact]
    public async Task StartingAnExistingInstanceIdWithItsStatusAsDedupeStatusIsRefused()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var options = new StartOrchestrationOptions("once")
        {
            DedupeStatuses = [nameof(OrchestrationRuntimeStatus.Pending), nameof(OrchestrationRuntimeStatus.Running)],
        };
        await host.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(DurableSamples.AwaitApproval), options);

        // The sidecar answers gRPC AlreadyExists; the client turns that into this exception, as with the Functions host.
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            host.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(DurableSamples.AwaitApproval), options));
    }

    [Fact]
    public async Task TheStatusRouteAnswers404ForAnUnknownInstance()
    {
        await using var host = await DurableHost.StartAsync(azurite);

        using var response = await host.Client.GetAsync("api/durable/instances/no-such-instance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
