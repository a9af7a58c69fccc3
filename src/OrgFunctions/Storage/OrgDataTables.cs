using Azure.Data.Tables;

namespace OrgFunctions.Storage;

/// <summary>The per-org data tables (PartitionKey = org id), created once per process on first use.</summary>
public sealed class OrgDataTables(TableServiceClient service)
{
    private readonly Lazy<Task> _created = new(async () =>
    {
        await service.CreateTableIfNotExistsAsync(TableNames.Blocklist);
        await service.CreateTableIfNotExistsAsync(TableNames.SmartPhrases);
        await service.CreateTableIfNotExistsAsync(TableNames.Imports);
    });

    public TableClient Blocklist { get; } = service.GetTableClient(TableNames.Blocklist);
    public TableClient SmartPhrases { get; } = service.GetTableClient(TableNames.SmartPhrases);
    public TableClient Imports { get; } = service.GetTableClient(TableNames.Imports);

    public Task EnsureCreatedAsync() => _created.Value;
}
