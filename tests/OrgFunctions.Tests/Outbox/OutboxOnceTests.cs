using System.Text.Json.Nodes;
using OrgFunctions.Domain.Events;
using OrgFunctions.Outbox;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Outbox;

public class OutboxOnceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task AnEventMarksItsTreeForTheFanOutEvenAfterTheMarkWasCleared()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var tree = root.Org.Id.Value;
        // The fan-out cleared the tree's mark once it had nothing pending (as it does after two idle minutes).
        await _app.Tables.Index.DeleteEntityAsync(PendingTrees.PartitionKey, tree);
        var e = new DomainEvent(OutboxOnce.DeterministicId("test", tree), EventTypes.BlocklistAdded, tree, DateTimeOffset.UtcNow, "test",
            new JsonObject());

        Assert.True(await new OutboxOnce(_app.Tables).AddAsync(tree, e, default));
        Assert.False(await new OutboxOnce(_app.Tables).AddAsync(tree, e, default));

        Assert.Contains(await PendingTrees.ListAsync(_app.Tables.Index, default), mark => mark.RowKey == tree);
        Assert.Single(await OutboxReader.EventsAsync(_app, tree), x => x.Id == e.Id);
    }
}
