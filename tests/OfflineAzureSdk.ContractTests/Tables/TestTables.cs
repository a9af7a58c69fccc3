using Azure.Data.Tables;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Tables;

/// <summary>Builders for the tables and entities the Table contract tests use.</summary>
internal static class TestTables
{
    public static async Task<TableClient> CreateAsync(AzuriteFixture azurite, TableClientOptions? options = null)
    {
        var client = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"), options);
        await client.CreateIfNotExistsAsync();
        return client;
    }

    public static TableEntity Entity(string partitionKey, string rowKey, params (string Name, object Value)[] properties)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in properties)
        {
            entity[name] = value;
        }
        return entity;
    }

    /// <summary>Adds <paramref name="count"/> entities to one partition, 100 per transaction, RowKeys "r0000".. in order.</summary>
    public static async Task AddManyAsync(TableClient table, string partitionKey, int count)
    {
        var rows = Enumerable.Range(0, count).Select(i => Entity(partitionKey, $"r{i:D4}", ("N", i))).ToList();
        foreach (var chunk in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        }
    }
}
