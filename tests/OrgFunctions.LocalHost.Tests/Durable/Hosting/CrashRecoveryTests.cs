using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.LocalHost.Tests.Durable.Samples;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Testing.Hosting;

namespace OrgFunctions.LocalHost.Tests.Durable.Hosting;

/// <summary>The host as a child process, killed (SIGKILL) while an activity runs, then started again.</summary>
public sealed class CrashRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Any answer will do: the host is listening (the status route answers even before the task hub is up).
    private const string Probe = "api/durable/instances/probe";

    [Fact]
    public async Task AKilledHostResumesTheOrchestrationAndNoRecordedActivityRunsAgain()
    {
        var hub = DurableHost.NewHubName();
        var countTable = AzuriteFixture.UniqueName("runs");
        var counts = new TableClient(azurite.ConnectionString, countTable);

        string id;
        await using (var first = StartHost(hub))
        {
            await first.WaitUntilAnswersAsync(Probe);
            using var started = await DurableHost.StartOrchestrationAsync(first.Client, "ThreeSteps",
                JsonSerializer.Serialize(new DurableSamples.StepsInput(countTable, BlockOnStep: 2)));
            id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            // Step 2 records its run before it blocks: then the host dies mid-activity.
            await WaitForCountAsync(counts, "step2", 1);
            await first.KillAsync();
        }

        await using var second = StartHost(hub);
        await second.WaitUntilAnswersAsync(Probe);
        var done = await DurableHost.WaitUntilEndedAsync(second.Client, id);

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal("step1,step2,step3", done.GetProperty("output").GetString());
        Assert.Equal(1, await CountAsync(counts, "step1"));
        Assert.Equal(2, await CountAsync(counts, "step2")); // at-least-once: it was running when the host died
        Assert.Equal(1, await CountAsync(counts, "step3"));
    }

    private ChildLocalHost StartHost(string hub) =>
        ChildLocalHost.Start(SampleHost.Arguments(azurite.ConnectionString, DurableHost.HubArgument(hub)));

    private static async Task WaitForCountAsync(TableClient counts, string step, int expected)
    {
        var deadline = DateTime.UtcNow + Await.Bound;
        while (await CountAsync(counts, step) < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{step} did not run in time.");
            await Task.Delay(50);
        }
    }

    private static async Task<int> CountAsync(TableClient counts, string step)
    {
        try
        {
            var row = await counts.GetEntityIfExistsAsync<TableEntity>("runs", step);
            return row.HasValue ? row.Value!.GetInt32("Count") ?? 0 : 0;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0; // the table doesn't exist yet
        }
    }
}
