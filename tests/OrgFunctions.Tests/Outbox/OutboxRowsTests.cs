using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Outbox;

/// <summary>Outbox rows and tree marks store exactly the columns their string-keyed predecessors stored, and old rows read back.</summary>
public sealed class OutboxRowsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task AnEventRowStoresTheColumnsItAlwaysStoredAndReadsBackTheSameEvent()
    {
        var tree = "tree-" + Guid.NewGuid().ToString("N");
        var e = new DomainEvent("evt_1", EventTypes.OrgUpdated, "org_1", At, "apikey:k1", new JsonObject { ["n"] = 1 });
        var legacy = new TableEntity(tree, RowKeys.Event(At, e.Id))
        {
            ["Kind"] = "event", ["EventId"] = e.Id, ["Type"] = e.Type, ["OrgId"] = e.OrgId, ["OccurredAt"] = e.OccurredAt,
            ["Actor"] = e.Actor, ["Data"] = e.Data.ToJsonString(), ["FanOut"] = "pending",
        };

        await StoredColumns.AssertSameAsync(_app.Tables.Orgs, OutboxRows.Add(tree, e).Entity, legacy);
        var read = OutboxRows.Read(await StoredColumns.ReadLegacyAsync<EventEntity>(_app.Tables.Orgs, legacy));

        Assert.Equal((e.Id, e.Type, e.OrgId, e.OccurredAt, e.Actor, e.Data.ToJsonString()), (read.Id, read.Type, read.OrgId, read.OccurredAt, read.Actor, read.Data.ToJsonString()));
    }

    [Fact]
    public async Task MarkingAnEventFannedOutChangesItsFanOutColumnsAndNothingElse()
    {
        var tree = "tree-" + Guid.NewGuid().ToString("N");
        var action = OutboxRows.Add(tree, new DomainEvent("evt_2", EventTypes.OrgUpdated, "org_1", At, "test", new JsonObject()));
        await _app.Tables.EnsureCreatedAsync();
        await _app.Tables.Orgs.AddEntityAsync((EventEntity)action.Entity);

        await _app.Tables.Orgs.UpdateEntityAsync(OutboxRows.FannedOut((EventEntity)action.Entity, At.AddMinutes(1)), ETag.All, TableUpdateMode.Merge);

        var row = (await _app.Tables.Orgs.GetEntityAsync<TableEntity>(tree, action.Entity.RowKey)).Value;
        Assert.Equal(OutboxRows.FanOutDone, row.GetString(OutboxRows.FanOutColumn));
        Assert.Equal(At.AddMinutes(1), row.GetDateTimeOffset("FannedOutAt"));
        Assert.Equal("evt_2", row.GetString("EventId"));
    }

    [Fact]
    public async Task ATreeMarkStoresTheColumnItAlwaysStored()
    {
        var tree = "tree-" + Guid.NewGuid().ToString("N");
        await StoredColumns.AssertSameAsync(_app.Tables.Index,
            new PendingTreeEntity { PartitionKey = PendingTrees.PartitionKey, RowKey = tree, MarkedAt = At },
            new TableEntity(PendingTrees.PartitionKey, tree) { ["MarkedAt"] = At });
    }
}
