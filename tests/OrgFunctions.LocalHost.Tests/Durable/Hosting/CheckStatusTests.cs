using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Durable.Hosting;

/// <summary>An HTTP starter returning CreateCheckStatusResponseAsync, and Durable's management URLs it hands out.</summary>
public sealed class CheckStatusTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheCheckStatusResponseIs202WithDurablesPayloadAndLocation()
    {
        await using var host = await DurableHost.StartAsync(azurite);

        using var response = await host.Client.PostAsync("api/durable/AwaitApproval?instanceId=order-7", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var instanceUrl = $"{host.Host.BaseAddress.GetLeftPart(UriPartial.Authority)}/runtime/webhooks/durabletask/instances/order-7";
        var query = $"taskHub={host.HubName}&connection=Storage";
        Assert.Equal("order-7", body.GetProperty("id").GetString());
        Assert.Equal($"{instanceUrl}?{query}", body.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal($"{instanceUrl}?{query}", body.GetProperty("purgeHistoryDeleteUri").GetString());
        Assert.Equal($"{instanceUrl}/raiseEvent/{{eventName}}?{query}", body.GetProperty("sendEventPostUri").GetString());
        Assert.Equal($"{instanceUrl}/terminate?reason={{text}}&{query}", body.GetProperty("terminatePostUri").GetString());
        Assert.Equal($"{instanceUrl}/suspend?reason={{text}}&{query}", body.GetProperty("suspendPostUri").GetString());
        Assert.Equal($"{instanceUrl}/resume?reason={{text}}&{query}", body.GetProperty("resumePostUri").GetString());
        Assert.Equal(body.GetProperty("statusQueryGetUri").GetString(), response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task TheStatusUrlAnswers202WhileRunningThen200WithTheOutputAfterTheEvent()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        using var started = await host.Client.PostAsync("api/durable/AwaitApproval", null);
        var payload = await started.Content.ReadFromJsonAsync<JsonElement>();
        var statusUrl = payload.GetProperty("statusQueryGetUri").GetString()!;

        var running = await WaitForCustomStatusAsync(host.Client, statusUrl, "awaiting approval");
        Assert.Equal("Running", running.GetProperty("runtimeStatus").GetString());
        Assert.Equal("AwaitApproval", running.GetProperty("name").GetString());

        var raise = payload.GetProperty("sendEventPostUri").GetString()!.Replace("{eventName}", "Approval");
        using var raised = await host.Client.PostAsync(raise, new StringContent("\"Ann\"", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);

        var done = await DurableHost.PollUntilDoneAsync(host.Client, statusUrl);
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal("approved by Ann", done.GetProperty("output").GetString());
        Assert.Equal(payload.GetProperty("id").GetString(), done.GetProperty("instanceId").GetString());
        Assert.True(done.TryGetProperty("input", out _));
        Assert.True(DateTime.Parse(done.GetProperty("lastUpdatedTime").GetString()!) >= DateTime.Parse(done.GetProperty("createdTime").GetString()!));
    }

    [Fact]
    public async Task ActivitiesAreFunctionsResolvedByNameAndFanOutWorks()
    {
        await using var host = await DurableHost.StartAsync(azurite);

        using var started = await host.Client.PostAsync("api/durable/GreetAll",
            new StringContent("""["Ann","Bo"]""", Encoding.UTF8, "application/json"));
        var statusUrl = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusQueryGetUri").GetString()!;

        var done = await DurableHost.PollUntilDoneAsync(host.Client, statusUrl);
        Assert.Equal("""["Hello, Ann!","Hello, Bo!"]""", done.GetProperty("output").GetRawText());
    }

    [Fact]
    public async Task TerminateAndPurgeUrlsEndAndRemoveTheInstance()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        using var started = await host.Client.PostAsync("api/durable/AwaitApproval", null);
        var payload = await started.Content.ReadFromJsonAsync<JsonElement>();
        var statusUrl = payload.GetProperty("statusQueryGetUri").GetString()!;
        await WaitForCustomStatusAsync(host.Client, statusUrl, "awaiting approval");

        var terminate = payload.GetProperty("terminatePostUri").GetString()!.Replace("{text}", "cancelled");
        using var terminated = await host.Client.PostAsync(terminate, null);
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        var done = await DurableHost.PollUntilDoneAsync(host.Client, statusUrl);
        Assert.Equal("Terminated", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal("cancelled", done.GetProperty("output").GetString());

        using var purged = await host.Client.DeleteAsync(payload.GetProperty("purgeHistoryDeleteUri").GetString());
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal(1, (await purged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instancesDeleted").GetInt32());
        using var gone = await host.Client.GetAsync(statusUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task InstancesAndHistoryLiveInTablesNamedAfterTheTaskHub()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        using var started = await host.Client.PostAsync("api/durable/GreetAll?instanceId=greet-1",
            new StringContent("""["Cy"]""", Encoding.UTF8, "application/json"));
        await DurableHost.PollUntilDoneAsync(host.Client, (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusQueryGetUri").GetString()!);

        var instances = new TableClient(azurite.ConnectionString, host.HubName + "Instances");
        var history = new TableClient(azurite.ConnectionString, host.HubName + "History");
        var row = (await instances.GetEntityAsync<TableEntity>("greet-1", "")).Value;
        Assert.Equal("Completed", row.GetString("RuntimeStatus"));
        var events = new List<string>();
        await foreach (var e in history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"greet-1"}")))
        {
            events.Add(e.GetString("EventType"));
        }
        Assert.Contains("TaskCompleted", events);
        Assert.Equal("ExecutionCompleted", events[^1]);
    }

    private static async Task<JsonElement> WaitForCustomStatusAsync(HttpClient client, string statusUrl, string expected)
    {
        var deadline = DateTime.UtcNow + Await.Bound;
        while (true)
        {
            using var response = await client.GetAsync(statusUrl);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("customStatus").ValueKind == JsonValueKind.String && body.GetProperty("customStatus").GetString() == expected)
            {
                Assert.Equal(statusUrl, response.Headers.Location?.ToString());
                return body;
            }
            Assert.True(DateTime.UtcNow < deadline, "The custom status was not set in time.");
            await Task.Delay(50);
        }
    }
}
