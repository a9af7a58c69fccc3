using Azure.Data.Tables;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// Pins a typed row's stored columns to the string-keyed row it replaced: both are written to the table, read back as
/// plain <see cref="TableEntity"/>s, and must hold the same columns with the same values and types, so data written
/// before typed rows stays readable and data written now reads the same to anything that reads it by column name.
/// </summary>
public static class StoredColumns
{
    /// <summary>A table of the test's Azurite; the assertions below create it when they first write.</summary>
    public static TableClient Table(OrgFunctions.Testing.Azurite.AzuriteFixture azurite, string name) =>
        new TableServiceClient(azurite.ConnectionString).GetTableClient(name);

    public static async Task AssertSameAsync(TableClient table, ITableEntity typed, TableEntity legacy)
    {
        await table.CreateIfNotExistsAsync();
        var legacyKey = legacy.RowKey + "~legacy";
        await table.UpsertEntityAsync(typed, TableUpdateMode.Replace);
        await table.UpsertEntityAsync(new TableEntity(legacy) { RowKey = legacyKey }, TableUpdateMode.Replace);

        var now = Columns((await table.GetEntityAsync<TableEntity>(typed.PartitionKey, typed.RowKey)).Value);
        var before = Columns((await table.GetEntityAsync<TableEntity>(legacy.PartitionKey, legacyKey)).Value);

        Assert.Equal(before, now);
    }

    /// <summary>Reads back, as <typeparamref name="T"/>, a row written as a string-keyed bag (data stored before typed rows).</summary>
    public static async Task<T> ReadLegacyAsync<T>(TableClient table, TableEntity legacy) where T : class, ITableEntity
    {
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(legacy, TableUpdateMode.Replace);
        return (await table.GetEntityAsync<T>(legacy.PartitionKey, legacy.RowKey)).Value;
    }

    private static SortedDictionary<string, string> Columns(TableEntity row) => new(
        row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") && p.Value is not null)
            .ToDictionary(p => p.Key, p => $"{p.Value!.GetType().Name}:{Format(p.Value)}"), StringComparer.Ordinal);

    private static string Format(object value) => value is DateTimeOffset at ? at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : value.ToString()!;
}
