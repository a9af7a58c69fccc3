using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Orgs;

/// <summary>
/// A listing maps rows straight to views from a few columns; GET restores the org first. Both must write the same JSON,
/// byte for byte, for the same org.
/// </summary>
public sealed class OrgViewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset Created = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly OrgApp _app = new(azurite);

    [Theory]
    [InlineData(OrgStatus.Provisioning, null)]
    [InlineData(OrgStatus.Active, "Sells shoes \"and boots\" <b>&</b> ünïcode")]
    [InlineData(OrgStatus.Deleted, "")]
    public async Task AViewFromTheSelectedColumnsIsTheViewOfTheRestoredOrg(OrgStatus status, string? description)
    {
        var root = Org.CreateRoot(OrgId.New(), OrgName.Create("Root " + Guid.NewGuid().ToString("N")[..8]), Created);
        var org = Org.CreateChild(root, OrgId.New(), OrgName.Create("Child ünï"), description, Created);
        if (status != OrgStatus.Provisioning)
        {
            org.Activate();
        }
        if (status == OrgStatus.Deleted)
        {
            org.Delete();
        }
        var row = OrgRow.Create(org, OrgSettings.ForChildOf(OrgSettings.ForRoot(), root.Id), Created.AddMinutes(3));
        await _app.Tables.EnsureCreatedAsync();
        await _app.Tables.Orgs.AddEntityAsync(row);

        var full = (await _app.Tables.Orgs.GetEntityAsync<OrgEntity>(row.PartitionKey, row.RowKey)).Value;
        var selected = (await _app.Tables.Orgs.GetEntityAsync<OrgEntity>(row.PartitionKey, row.RowKey, OrgView.Columns)).Value;

        Assert.Equal("", selected.Settings); // the listing's read leaves the settings JSON in storage
        Assert.Equal(JsonSerializer.Serialize(OrgView.From(OrgRow.Read(full)), Json), JsonSerializer.Serialize(OrgView.From(selected), Json));
    }

    [Fact]
    public async Task EveryListedOrgIsWrittenExactlyAsItsOwnGetWritesIt()
    {
        var (root, all) = await _app.Trees.TreeAsync(depth: 2, branching: 3);
        var caller = OrgTreeBuilder.CallerIn(root);
        var described = all[2];
        await _app.Get<OrgService>().UpdateAsync(new OrgScope(caller, described), new OrgPatch(null, true, "Changed \"later\""), null, default);

        var listed = await _app.Get<OrgService>().ListAsync(new OrgScope(caller, root), false, new PageRequest(1000, null), default);

        var expected = new List<string>();
        foreach (var org in all.Skip(1).OrderBy(o => o.Org.Path.Value, StringComparer.Ordinal))
        {
            expected.Add(JsonSerializer.Serialize(OrgView.From(await _app.Trees.ReloadAsync(org)), Json));
        }
        Assert.Contains(expected, view => view.Contains("Changed \\u0022later\\u0022", StringComparison.Ordinal));
        Assert.Equal(expected, listed.Value!.Items.Select(view => JsonSerializer.Serialize(view, Json)));
    }
}
