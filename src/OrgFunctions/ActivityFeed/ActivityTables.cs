using Azure.Data.Tables;
using OrgFunctions.Storage;

namespace OrgFunctions.ActivityFeed;

/// <summary>
/// The <c>Activity</c> table: one partition per org's feed (DESIGN §4: high-volume per-org data is partitioned by org),
/// plus the small partition of day marks. Writers create it once per process; readers don't (a missing table is an
/// empty feed), so a read costs one query and nothing else.
/// </summary>
public sealed class ActivityTables(TableServiceClient service)
{
    private readonly Lazy<Task> _created = new(() => service.CreateTableIfNotExistsAsync(TableNames.Activity));

    public TableClient Feed { get; } = service.GetTableClient(TableNames.Activity);

    public Task EnsureCreatedAsync() => _created.Value;
}
