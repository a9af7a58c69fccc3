using Azure.Data.Tables;

namespace OrgFunctions.Storage;

/// <summary>The org tables (and the users and sessions that belong to orgs), created once per process on first use.</summary>
public sealed class OrgTables(TableServiceClient service)
{
    private readonly Lazy<Task> _created = new(async () =>
    {
        await service.CreateTableIfNotExistsAsync(TableNames.Orgs);
        await service.CreateTableIfNotExistsAsync(TableNames.OrgIndex);
        await service.CreateTableIfNotExistsAsync(TableNames.Users);
        await service.CreateTableIfNotExistsAsync(TableNames.Sessions);
    });

    public TableClient Orgs { get; } = service.GetTableClient(TableNames.Orgs);
    public TableClient Index { get; } = service.GetTableClient(TableNames.OrgIndex);
    public TableClient Users { get; } = service.GetTableClient(TableNames.Users);
    public TableClient Sessions { get; } = service.GetTableClient(TableNames.Sessions);

    public Task EnsureCreatedAsync() => _created.Value;
}
