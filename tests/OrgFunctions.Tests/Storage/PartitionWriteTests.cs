using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Storage;

/// <summary>The unit of work for a tree's partition, against Azurite.</summary>
public sealed class PartitionWriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task MoreThanOneHundredActionsGoInTransactionsOfAtMostOneHundredAndAllApply()
    {
        var partition = await NewPartitionAsync();
        var write = new PartitionWrite(partition).Each(Enumerable.Range(0, 250).Select(i => Upsert(partition, $"row:{i:D3}")));

        Assert.Equal([100, 100, 50], write.Transactions().Select(t => t.Count));
        Assert.True((await write.SubmitAsync(_app.Tables, default)).Applied);
        Assert.Equal(250, await CountAsync(partition));
    }

    [Fact]
    public void ActionsAddedTogetherShareOneTransactionEvenWhenTheCurrentOneHasRoomForSomeOfThem()
    {
        var write = new PartitionWrite("tree")
            .Each(Enumerable.Range(0, 60).Select(i => Upsert("tree", $"a:{i}")))
            .Together(Enumerable.Range(0, 50).Select(i => Upsert("tree", $"b:{i}")))
            .Each(Enumerable.Range(0, 45).Select(i => Upsert("tree", $"c:{i}")));

        var transactions = write.Transactions();

        Assert.Equal([60, 95], transactions.Select(t => t.Count));
        Assert.All(transactions[1].Take(50), a => Assert.StartsWith("b:", a.Entity.RowKey));
        Assert.Equal(155, write.Count);
    }

    [Fact]
    public void AnActionOnAnotherPartitionIsRefusedBeforeAnythingIsSent()
    {
        var write = new PartitionWrite("tree-a");

        Assert.Throws<ArgumentException>(() => write.Each([Upsert("tree-a", "x"), Upsert("tree-b", "y")]));
        Assert.Throws<ArgumentException>(() => write.Together([Upsert("tree-b", "y")]));
    }

    [Fact]
    public void MoreThanOneHundredActionsCantBeTogether()
    {
        Assert.Throws<ArgumentException>(() =>
            new PartitionWrite("tree").Together(Enumerable.Range(0, 101).Select(i => Upsert("tree", $"r:{i}"))));
    }

    [Fact]
    public void AnEventIsNeverAddedApartFromItsChange()
    {
        Assert.Throws<ArgumentException>(() => new PartitionWrite("tree").Each([OutboxRows.Add("tree", Event("tree"))]));
    }

    [Fact]
    public async Task AWriteWithAnEventMarksItsTreeForTheFanOutAndStoresTheEventWithItsChange()
    {
        var partition = await NewPartitionAsync();
        var e = Event(partition);

        var result = await new PartitionWrite(partition).Together([Upsert(partition, "state"), OutboxRows.Add(partition, e)])
            .SubmitAsync(_app.Tables, default);

        Assert.True(result.Applied);
        Assert.Contains(await PendingTrees.ListAsync(_app.Tables.Index, default), mark => mark.RowKey == partition);
        Assert.Single(await OutboxReader.EventsAsync(_app, partition), x => x.Id == e.Id);
    }

    [Fact]
    public async Task AStaleETagIsALostRaceAndNothingAfterItsTransactionIsSent()
    {
        var partition = await NewPartitionAsync();
        await _app.Tables.Orgs.AddEntityAsync(new TableEntity(partition, "row:150"));
        var stale = (await _app.Tables.Orgs.UpdateEntityAsync(new TableEntity(partition, "row:150") { ["V"] = 1 }, ETag.All)).Headers.ETag;
        await _app.Tables.Orgs.UpdateEntityAsync(new TableEntity(partition, "row:150") { ["V"] = 2 }, ETag.All);
        var write = new PartitionWrite(partition)
            .Each(Enumerable.Range(0, 150).Select(i => Upsert(partition, $"row:{i:D3}")))
            .Together([new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(partition, "row:150") { ["V"] = 3 },
                stale!.Value)])
            .Each(Enumerable.Range(151, 100).Select(i => Upsert(partition, $"row:{i:D3}")));

        var result = await write.SubmitAsync(_app.Tables, default);

        Assert.False(result.Applied);
        Assert.True(result.IsStale);
        Assert.Equal(101, await CountAsync(partition)); // the first transaction, and the row that changed meanwhile
        Assert.Equal(2, (await _app.Tables.Orgs.GetEntityAsync<TableEntity>(partition, "row:150")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task AnExistingKeyIsAConflictNamingItsActionInTheWholeWrite()
    {
        var partition = await NewPartitionAsync();
        await _app.Tables.Orgs.AddEntityAsync(new TableEntity(partition, "taken"));
        var write = new PartitionWrite(partition)
            .Each(Enumerable.Range(0, 120).Select(i => Upsert(partition, $"row:{i:D3}")))
            .Together([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, "taken"))]);

        var result = await write.SubmitAsync(_app.Tables, default);

        Assert.False(result.Applied);
        Assert.False(result.IsStale);
        Assert.Equal(120, result.ConflictingAction);
        Assert.Equal(101, await CountAsync(partition)); // the first transaction and the row that was there
    }

    private async Task<string> NewPartitionAsync()
    {
        await _app.Tables.EnsureCreatedAsync();
        return "uow-" + Guid.NewGuid().ToString("N");
    }

    private static TableTransactionAction Upsert(string partition, string rowKey) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, rowKey) { ["V"] = 0 });

    private static DomainEvent Event(string orgId) =>
        new("evt_" + Guid.NewGuid().ToString("N"), EventTypes.OrgUpdated, orgId, DateTimeOffset.UtcNow, "test", new JsonObject());

    private async Task<int> CountAsync(string partition)
    {
        var count = 0;
        await foreach (var _ in _app.Tables.Orgs.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                           select: ["RowKey"]))
        {
            count++;
        }
        return count;
    }
}
