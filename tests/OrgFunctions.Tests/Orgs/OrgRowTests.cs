using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Orgs;

/// <summary>The org tree's typed rows store exactly the columns their string-keyed predecessors stored.</summary>
public sealed class OrgRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly OrgApp _app = new(azurite);

    [Theory]
    [InlineData(null)]
    [InlineData("Sells shoes")]
    public async Task AnOrgRowStoresTheColumnsItAlwaysStored(string? description)
    {
        var (parent, child) = Orgs(description);
        foreach (var org in new[] { parent, child })
        {
            var settings = OrgSettings.ForChildOf(OrgSettings.ForRoot(), org.Id);
            await StoredColumns.AssertSameAsync(_app.Tables.Orgs, OrgRow.Create(org, settings, At), new TableEntity(org.Path.RootId.Value, RowKeys.Org(org.Path))
            {
                ["Kind"] = "org",
                ["OrgId"] = org.Id.Value,
                ["Path"] = org.Path.Value,
                ["ParentId"] = org.ParentId?.Value,
                ["Depth"] = org.Path.Depth,
                ["Name"] = org.Name.Value,
                ["Description"] = org.Description,
                ["Status"] = org.Status.ToString(),
                ["CreatedAt"] = org.CreatedAt,
                ["UpdatedAt"] = At,
                ["Settings"] = SettingsJson.Write(settings),
            });
        }
    }

    [Fact]
    public async Task AnOrgRowWrittenBeforeTypedRowsReadsAsTheSameOrg()
    {
        var (_, child) = Orgs("Sells shoes");
        var settings = OrgSettings.ForChildOf(OrgSettings.ForRoot(), child.Id);

        var row = await StoredColumns.ReadLegacyAsync<OrgEntity>(_app.Tables.Orgs, new TableEntity(child.Path.RootId.Value, RowKeys.Org(child.Path))
        {
            ["Kind"] = "org", ["OrgId"] = child.Id.Value, ["Path"] = child.Path.Value, ["ParentId"] = child.ParentId?.Value,
            ["Depth"] = child.Path.Depth, ["Name"] = child.Name.Value, ["Description"] = child.Description,
            ["Status"] = child.Status.ToString(), ["CreatedAt"] = child.CreatedAt, ["UpdatedAt"] = At, ["Settings"] = SettingsJson.Write(settings),
        });
        var record = OrgRow.Read(row);

        Assert.Equal((child.Id, child.Path, child.Name.Value, child.Description, child.Status, child.CreatedAt),
            (record.Org.Id, record.Org.Path, record.Org.Name.Value, record.Org.Description, record.Org.Status, record.Org.CreatedAt));
        Assert.Equal(At, record.UpdatedAt);
        Assert.Equal(settings.All, record.Settings.All);
    }

    [Fact]
    public async Task NameIndexAndCounterRowsStoreTheColumnsTheyAlwaysStored()
    {
        var (_, org) = Orgs(null);
        var partition = org.Path.RootId.Value;

        await StoredColumns.AssertSameAsync(_app.Tables.Orgs, OrgRow.NameReservation(org),
            new TableEntity(partition, RowKeys.Name(org.Name)) { ["Kind"] = "name", ["OrgId"] = org.Id.Value });
        await StoredColumns.AssertSameAsync(_app.Tables.Index, OrgRow.Index(org),
            new TableEntity(IndexKeys.Org(org.Id), IndexKeys.RowKey) { ["RootId"] = partition, ["Path"] = org.Path.Value });
        await StoredColumns.AssertSameAsync(_app.Tables.Orgs,
            new ChildCountEntity { PartitionKey = partition, RowKey = RowKeys.ChildCount(org.Id), Count = 3 },
            new TableEntity(partition, RowKeys.ChildCount(org.Id)) { ["Kind"] = "child-count", ["Count"] = 3 });
    }

    private static (Org Parent, Org Child) Orgs(string? description)
    {
        var root = Org.CreateRoot(OrgId.New(), OrgName.Create("Root " + Guid.NewGuid().ToString("N")[..8]), At);
        var child = Org.CreateChild(root, OrgId.New(), OrgName.Create("Child"), description, At);
        return (root, child);
    }
}
