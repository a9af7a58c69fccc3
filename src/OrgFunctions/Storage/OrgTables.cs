using Azure.Data.Tables;

namespace OrgFunctions.Storage;

/// <summary>
/// The org tables (and the users and sessions that belong to orgs), created once per process on first use, and the
/// changes this process commits to each tree (<see cref="Changes"/>, which in-process caches consult).
/// </summary>
public sealed class OrgTables(TableServiceClient service, TreeChanges? changes = null)
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

    public TreeChanges Changes { get; } = changes ?? new TreeChanges();

    public Task EnsureCreatedAsync() => _created.Value;
}
