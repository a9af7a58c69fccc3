using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using OrgFunctions.LocalHost.Durable.History;
using OrgFunctions.LocalHost.Durable.Store;
using OrgFunctions.LocalHost.Tests.Durable.Engine;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.Durable.Store;

/// <summary>The engine on the Azurite table store: what the in-memory store's tests show holds here too.</summary>
public sealed class TableDurableStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private TableDurableStore NewStore() => new(azurite.ConnectionString, AzuriteFixture.UniqueName("hub"));

    [Fact]
    public async Task AnOrchestrationWithRetriesTimersAndEventsRunsOnTheTableStore()
    {
        await using var harness = new EngineHarness(NewStore());
        var attempts = 0;
        harness.Functions
            .AddActivity<string, string>("Flaky", s => ++attempts < 2 ? throw new InvalidOperationException("once") : Task.FromResult(s + "!"))
            .AddOrchestrator("Mixed", async context =>
            {
                var a = await context.CallActivityAsync<string>("Flaky", "a", TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(10))));
                context.SetCustomStatus(new { stage = "waiting" });
                var b = await context.WaitForExternalEvent<string>("Go");
                return a + b + context.NewGuid().ToString().Length;
            });
        await harness.StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Mixed", new StartOrchestrationOptions("with/odd#id?"));
        await WaitForRunningWithStatusAsync(harness, id);

        await harness.Client.RaiseEventAsync(id, "Go", "b");

        var result = await harness.CompletionOf(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("a!b36", result.ReadOutputAs<string>());
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task FailureDetailsAndPurgeRoundTripThroughTheTables()
    {
        await using var harness = new EngineHarness(NewStore());
        harness.Functions.AddOrchestrator<int>("Fails", _ => throw new FormatException("bad format"));
        await harness.StartAsync();

        var result = await harness.RunAsync("Fails", instanceId: "f-1");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("System.FormatException", result.FailureDetails!.ErrorType);
        Assert.Equal(1, (await harness.Client.PurgeInstanceAsync("f-1")).PurgedInstanceCount);
        Assert.Null(await harness.Client.GetInstanceAsync("f-1"));
        Assert.Empty((await harness.Store.ReadLogAsync("f-1", default)).History);
    }

    [Fact]
    public async Task ACompletedActivityResultIsRecordedAtomicallyWithItsWorkItemsRemoval()
    {
        var store = NewStore();
        await store.InitializeAsync(default);
        var item = new ActivityWorkItem(ActivityWorkItem.KeyFor("e1", 0), "e1", 0, "A", "1");
        await store.CommitEpisodeAsync("i-1", new EpisodeCommit
        {
            AppendHistory = [new HistoryEvent(HistoryEventType.TaskScheduled) { TaskId = 0, Name = "A" }],
            AddWorkItems = [item],
        }, default);
        var result = new InboxMessage("r1", "e1", new HistoryEvent(HistoryEventType.TaskCompleted) { TaskId = 0, Data = "2" }, DateTime.UtcNow);

        Assert.True(await store.CompleteActivityAsync("i-1", item.Key, result, default));
        Assert.False(await store.CompleteActivityAsync("i-1", item.Key, result with { Key = "r2" }, default));

        var log = await store.ReadLogAsync("i-1", default);
        Assert.Empty(log.WorkItems);
        Assert.Equal("r1", Assert.Single(log.Inbox).Key);
        Assert.Equal("A", Assert.Single(log.History).Name);
    }

    [Fact]
    public async Task AConcurrentEpisodeOnTheSameHistoryIsRefused()
    {
        var store = NewStore();
        await store.InitializeAsync(default);
        var commit = new EpisodeCommit { AppendHistory = [new HistoryEvent(HistoryEventType.OrchestratorStarted)] };
        await store.CommitEpisodeAsync("i-2", commit, default);

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => store.CommitEpisodeAsync("i-2", commit, default));
    }

    private static async Task WaitForRunningWithStatusAsync(EngineHarness harness, string id)
    {
        using var timeout = new CancellationTokenSource(EngineHarness.Patience);
        while ((await harness.Client.GetInstanceAsync(id, true, timeout.Token))?.SerializedCustomStatus is null)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
