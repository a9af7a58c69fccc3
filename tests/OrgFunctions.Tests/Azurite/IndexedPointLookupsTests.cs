using Azure;
using Azure.Data.Tables;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.Azurite;

/// <summary>
/// Azurite with eng/azurite/row-key-first.cjs (what the file-drop benchmark runs on) answers entity operations as plain
/// Azurite does: only how LokiJS finds the entity changes, not which one. The benchmark's own run on it is checked in
/// tests/OrgFunctions.Benchmarks.Tests.
/// </summary>
public sealed class IndexedPointLookupsTests : IDisposable
{
    private readonly AzuriteServer _server = AzuriteServer.Start(indexedPointLookups: true);

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task PointReadsWritesAndTransactionsFindTheEntityOfTheirPartitionAndRowKey()
    {
        var table = new TableClient(_server.ConnectionString, "Indexed");
        await table.CreateIfNotExistsAsync();
        // The same RowKey in several partitions: each operation must find its own partition's entity.
        foreach (var partition in new[] { "a", "b", "c" })
        {
            await table.AddEntityAsync(new TableEntity(partition, "k") { ["Value"] = partition });
        }

        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("b", "k")));
        await table.UpsertEntityAsync(new TableEntity("c", "k") { ["Value"] = "c2" }, TableUpdateMode.Replace);
        await table.DeleteEntityAsync("a", "k");
        await table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("b", "k") { ["Other"] = 1 }, ETag.All),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("b", "k2")),
        ]);

        Assert.Equal(409, duplicate.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("a", "k")).HasValue);
        var b = (await table.GetEntityAsync<TableEntity>("b", "k")).Value;
        Assert.Equal(("b", 1), (b.GetString("Value"), b.GetInt32("Other")));
        Assert.Equal("c2", (await table.GetEntityAsync<TableEntity>("c", "k")).Value.GetString("Value"));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("b", "k2")).HasValue);
    }
}
