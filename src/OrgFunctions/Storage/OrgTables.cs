using Azure.Data.Tables;

namespace OrgFunctions.Storage;

/// <summary>The org tables, created once per process on first use.</summary>
public sealed class OrgTables(TableServiceClient service)
{
    private readonly Lazy<Task> _created = new(async () =>
    {
        await service.CreateTableIfNotExistsAsync(TableNames.Orgs);
        await service.CreateTableIfNotExistsAsync(TableNames.OrgIndex);
    });

    public TableClient Orgs { get; } = service.GetTableClient(TableNames.Orgs);
    public TableClient Index { get; } = service.GetTableClient(TableNames.OrgIndex);

    public Task EnsureCreatedAsync() => _created.Value;
}
