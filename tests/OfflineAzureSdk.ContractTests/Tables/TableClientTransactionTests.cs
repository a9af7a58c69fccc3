using Azure;
using Azure.Data.Tables;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Tables;

public class TableClientTransactionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AHundredActionTransactionWithOneFailingActionAppliesNothing()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "r057", ("Original", true)));
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, TestTables.Entity("p", $"r{i:D3}", ("N", i))))
            .ToList();

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(57, ex.FailedTransactionActionIndex);
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        var stored = table.Query<TableEntity>("PartitionKey eq 'p'").ToList();
        Assert.Equal("r057", Assert.Single(stored).RowKey);
        Assert.True(stored[0].GetBoolean("Original"));
    }

    [Fact]
    public async Task AHundredActionTransactionSucceedsWithAResponsePerAction()
    {
        var table = await TestTables.CreateAsync(azurite);
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, TestTables.Entity("p", $"r{i:D3}")))
            .ToList();

        var response = await table.SubmitTransactionAsync(actions);

        Assert.Equal(100, response.Value.Count);
        Assert.All(response.Value, r => Assert.Equal(204, r.Status));
        Assert.Equal(100, table.Query<TableEntity>("PartitionKey eq 'p'").Count());
    }

    [Fact]
    public async Task EveryActionTypeAppliesInOneTransaction()
    {
        var table = await TestTables.CreateAsync(azurite);
        foreach (var row in new[] { "upsert-merge", "upsert-replace", "update-merge", "update-replace", "delete" })
        {
            await table.AddEntityAsync(TestTables.Entity("p", row, ("Keep", "k"), ("V", 0)));
        }
        var updateReplaceETag = (await table.GetEntityAsync<TableEntity>("p", "update-replace")).Value.ETag;

        var response = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, TestTables.Entity("p", "add", ("V", 1))),
            new(TableTransactionActionType.UpsertMerge, TestTables.Entity("p", "upsert-merge", ("V", 1))),
            new(TableTransactionActionType.UpsertReplace, TestTables.Entity("p", "upsert-replace", ("V", 1))),
            new(TableTransactionActionType.UpdateMerge, TestTables.Entity("p", "update-merge", ("V", 1)), ETag.All),
            new(TableTransactionActionType.UpdateReplace, TestTables.Entity("p", "update-replace", ("V", 1)), updateReplaceETag),
            new(TableTransactionActionType.Delete, TestTables.Entity("p", "delete")),
            new(TableTransactionActionType.UpsertMerge, TestTables.Entity("p", "upsert-new", ("V", 1))),
        ]);

        Assert.Equal(7, response.Value.Count);
        var rows = table.Query<TableEntity>("PartitionKey eq 'p'").ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "update-merge", "update-replace", "upsert-merge", "upsert-new", "upsert-replace"], rows.Keys.Order());
        Assert.All(rows.Values, e => Assert.Equal(1, e.GetInt32("V")));
        Assert.Equal("k", rows["upsert-merge"].GetString("Keep"));
        Assert.Equal("k", rows["update-merge"].GetString("Keep"));
        Assert.False(rows["upsert-replace"].ContainsKey("Keep"));
        Assert.False(rows["update-replace"].ContainsKey("Keep"));
    }

    [Fact]
    public async Task AnUpdateWithAStaleETagFailsTheTransactionWith412()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "a", ("V", 0)));
        var stale = (await table.GetEntityAsync<TableEntity>("p", "a")).Value.ETag;
        await table.UpsertEntityAsync(TestTables.Entity("p", "a", ("V", 1)));

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, TestTables.Entity("p", "b")),
            new(TableTransactionActionType.UpdateMerge, TestTables.Entity("p", "a", ("V", 2)), stale),
        ]));

        Assert.Equal(412, ex.Status);
        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "b")).HasValue);
        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("p", "a")).Value.GetInt32("V"));
    }

    [OfflineOnlyFact]
    public async Task MoreThanAHundredActionsAreRefusedBeforeSending()
    {
        var table = await TestTables.CreateAsync(azurite);
        var actions = Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, TestTables.Entity("p", $"r{i:D3}")));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));

        Assert.Contains("100", ex.Message);
        Assert.Empty(table.Query<TableEntity>());
    }

    [OfflineOnlyFact]
    public async Task ATransactionSpanningTwoPartitionsIsRefusedBeforeSending()
    {
        var table = await TestTables.CreateAsync(azurite);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, TestTables.Entity("p1", "a")),
            new(TableTransactionActionType.Add, TestTables.Entity("p2", "b")),
        ]));

        Assert.Contains("PartitionKey", ex.Message);
        Assert.Empty(table.Query<TableEntity>());
    }

    [Fact]
    public async Task AnEmptyTransactionIsRefused()
    {
        var table = await TestTables.CreateAsync(azurite);

        await Assert.ThrowsAsync<InvalidOperationException>(() => table.SubmitTransactionAsync([]));
    }
}
