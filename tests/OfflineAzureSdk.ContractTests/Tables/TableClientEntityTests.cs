using Azure;
using Azure.Data.Tables;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Tables;

public class TableClientEntityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task DuplicateAddIsRefusedWith409EntityAlreadyExists()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "r"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(TestTables.Entity("p", "r")));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task GetOfAMissingEntityFailsWith404ResourceNotFound()
    {
        var table = await TestTables.CreateAsync(azurite);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "missing"));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task GetEntityIfExistsHasNoValueForAMissingEntityAndTheEntityOtherwise()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "present", ("Name", "here")));

        var missing = await table.GetEntityIfExistsAsync<TableEntity>("p", "missing");
        var present = await table.GetEntityIfExistsAsync<TableEntity>("p", "present");

        Assert.False(missing.HasValue);
        Assert.True(present.HasValue);
        Assert.Equal("here", present.Value!.GetString("Name"));
    }

    [Fact]
    public async Task UpdateWithAStaleETagFailsWith412AndLeavesTheEntity()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "r", ("V", 1)));
        var first = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpdateEntityAsync(TestTables.Entity("p", "r", ("V", 2)), first.ETag);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(TestTables.Entity("p", "r", ("V", 3)), first.ETag));

        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpdateWithTheCurrentETagOrETagAllSucceeds()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "r", ("V", 1)));
        var current = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        await table.UpdateEntityAsync(TestTables.Entity("p", "r", ("V", 2)), current.ETag);
        await table.UpdateEntityAsync(TestTables.Entity("p", "r", ("V", 3)), ETag.All);

        Assert.Equal(3, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task DeleteWithAStaleETagFailsWith412AndDeleteWithoutOneSucceeds()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "r", ("V", 1)));
        var stale = (await table.GetEntityAsync<TableEntity>("p", "r")).Value.ETag;
        await table.UpsertEntityAsync(TestTables.Entity("p", "r", ("V", 2)));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale));
        Assert.Equal(412, ex.Status);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);

        await table.DeleteEntityAsync("p", "r");
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task UpsertCreatesAMissingEntityThenUpdatesIt()
    {
        var table = await TestTables.CreateAsync(azurite);

        await table.UpsertEntityAsync(TestTables.Entity("p", "r", ("V", "created")));
        var created = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpsertEntityAsync(TestTables.Entity("p", "r", ("V", "updated")));
        var updated = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("created", created.GetString("V"));
        Assert.Equal("updated", updated.GetString("V"));
        Assert.NotEqual(created.ETag, updated.ETag);
    }

    [Fact]
    public async Task MergeKeepsUnnamedPropertiesAndReplaceDropsThem()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "merged", ("Keep", "k"), ("V", 1)));
        await table.AddEntityAsync(TestTables.Entity("p", "replaced", ("Keep", "k"), ("V", 1)));

        await table.UpdateEntityAsync(TestTables.Entity("p", "merged", ("V", 2)), ETag.All, TableUpdateMode.Merge);
        await table.UpsertEntityAsync(TestTables.Entity("p", "replaced", ("V", 2)), TableUpdateMode.Replace);

        var merged = (await table.GetEntityAsync<TableEntity>("p", "merged")).Value;
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "replaced")).Value;
        Assert.Equal("k", merged.GetString("Keep"));
        Assert.Equal(2, merged.GetInt32("V"));
        Assert.False(replaced.ContainsKey("Keep"));
        Assert.Equal(2, replaced.GetInt32("V"));
    }

    [Fact]
    public async Task SelectReturnsOnlyTheChosenProperties()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.AddEntityAsync(TestTables.Entity("p", "r", ("A", "a"), ("B", "b"), ("C", "c")));

        var entity = (await table.GetEntityAsync<TableEntity>("p", "r", select: ["A", "C"])).Value;
        var queried = Assert.Single(table.Query<TableEntity>(select: ["B"]));

        Assert.Equal("a", entity.GetString("A"));
        Assert.Equal("c", entity.GetString("C"));
        Assert.False(entity.ContainsKey("B"));
        Assert.Equal("b", queried.GetString("B"));
        Assert.False(queried.ContainsKey("A"));
        Assert.False(queried.ContainsKey("C"));
    }

    [Theory]
    [InlineData("with space", "row with  spaces ")]
    [InlineData("ünïcødé-日本語", "émoji-😀")]
    [InlineData("O'Brien", "it''s 'quoted'")]
    [InlineData("percent%20and+plus", "ampersand&equals=comma,paren(")]
    public async Task KeysWithSpacesUnicodeAndQuotesRoundTrip(string partitionKey, string rowKey)
    {
        var table = await TestTables.CreateAsync(azurite);

        await table.AddEntityAsync(TestTables.Entity(partitionKey, rowKey, ("V", 1)));
        var read = (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
        await table.UpdateEntityAsync(TestTables.Entity(partitionKey, rowKey, ("V", 2)), read.ETag);
        var queried = Assert.Single(table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey eq {rowKey}")));
        await table.DeleteEntityAsync(partitionKey, rowKey, queried.ETag);

        Assert.Equal(partitionKey, read.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        Assert.Equal(2, queried.GetInt32("V"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey)).HasValue);
    }

    [Fact]
    public async Task SynchronousMethodsBehaveLikeTheAsynchronousOnes()
    {
        var table = await TestTables.CreateAsync(azurite);

        table.AddEntity(TestTables.Entity("p", "r", ("V", 1)));
        var read = table.GetEntity<TableEntity>("p", "r").Value;
        table.UpdateEntity(TestTables.Entity("p", "r", ("V", 2)), read.ETag, TableUpdateMode.Replace);
        var ex = Assert.Throws<RequestFailedException>(() => table.UpdateEntity(TestTables.Entity("p", "r"), read.ETag));
        table.DeleteEntity("p", "r");

        Assert.Equal(412, ex.Status);
        Assert.False(table.GetEntityIfExists<TableEntity>("p", "r").HasValue);
    }
}
