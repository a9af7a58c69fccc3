using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Durable.Hosting;

/// <summary>
/// The task hub lives in Azurite as DurableTask.AzureStorage lays it out for Durable Functions: tables named after the
/// hub, queues (and blob containers) named after the hub in lower case.
/// </summary>
public sealed class TaskHubStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TablesAndQueuesAreNamedAfterTheHub()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        using var started = await DurableHost.StartOrchestrationAsync(host.Client, "GreetAll", """["Cy"]""", instanceId: "greet-1");
        await DurableHost.WaitUntilEndedAsync(host.Client, "greet-1");

        var tables = new TableServiceClient(azurite.ConnectionString);
        var hubTables = new List<string>();
        await foreach (var table in tables.QueryAsync($"TableName ge '{host.HubName}' and TableName lt '{host.HubName}~'"))
        {
            hubTables.Add(table.Name);
        }
        // Partitions: the partition's lease, kept in a table (the provider's table partition manager) rather than blobs.
        Assert.Equal([host.HubName + "History", host.HubName + "Instances", host.HubName + "Partitions"], hubTables.Order());

        var queues = new QueueServiceClient(azurite.ConnectionString);
        var hubQueues = new List<string>();
        await foreach (var queue in queues.GetQueuesAsync(prefix: host.HubName.ToLowerInvariant()))
        {
            hubQueues.Add(queue.Name);
        }
        Assert.Equal([$"{host.HubName.ToLowerInvariant()}-control-00", $"{host.HubName.ToLowerInvariant()}-workitems"], hubQueues.Order());
    }

    [Fact]
    public async Task AnInstanceRowAndItsHistoryRecordTheRun()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        using var started = await DurableHost.StartOrchestrationAsync(host.Client, "GreetAll", """["Cy"]""", instanceId: "greet-2");
        await DurableHost.WaitUntilEndedAsync(host.Client, "greet-2");

        var instances = new TableClient(azurite.ConnectionString, host.HubName + "Instances");
        var history = new TableClient(azurite.ConnectionString, host.HubName + "History");
        var row = (await instances.GetEntityAsync<TableEntity>("greet-2", "")).Value;
        Assert.Equal("Completed", row.GetString("RuntimeStatus"));
        Assert.Equal("GreetAll", row.GetString("Name"));
        var events = new List<string>();
        await foreach (var e in history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"greet-2"}")))
        {
            if (e.GetString("EventType") is { } type) // the sentinel row (the checkpoint's bookkeeping) has none
            {
                events.Add(type);
            }
        }
        Assert.Contains("TaskScheduled", events);
        Assert.Contains("TaskCompleted", events);
        Assert.Contains("ExecutionCompleted", events);
    }
}
