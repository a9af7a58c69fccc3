using OrgFunctions.Access;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Provisioning;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>
/// The org a dropped file is applied to is the one whose home (container) it is in: only that org's SFTP credentials reach
/// it. A name inside the home never reaches another org, and a home of no active org only gets refusals.
/// </summary>
public class TenantIsolationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Row = "channel,identifier\nsms,+353871234567\n";

    [Fact]
    public async Task ADropNamingAnotherOrgsIdInItsPathNeverReachesThatOrg()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var (other, _) = await h.Orgs.Trees.RootAsync();
        var otherHome = h.Homes.Container(other.Org.Id);
        await otherHome.CreateIfNotExistsAsync();
        var otherId = other.Org.Id.Value;
        // What A's SFTP credentials can write, naming B: the old layout's path, a folder under the inbox, and B's id as a name.
        await h.Container.GetBlobClient($"{otherId}/inbox/blocklist-x.csv").UploadAsync(new BinaryData(Row));
        await h.DropAsync($"{otherId}/blocklist-y.csv", Row);
        await h.DropAsync($"blocklist-{otherId}.csv", "channel,identifier\nsms,+353871234568\n");

        var run = await h.RunAsync();

        // B is untouched: no blocklist entry, no import, nothing in its home, no event.
        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist, otherId));
        Assert.Empty(await h.RowsAsync(h.Tables.Imports, otherId));
        Assert.Empty(await h.BlobNamesAsync("processed", otherHome));
        Assert.Empty(await h.BlobNamesAsync("failed", otherHome));
        Assert.DoesNotContain(await OutboxReader.EventsAsync(h.Orgs, otherId), e => e.Type.StartsWith("ingest.", StringComparison.Ordinal));
        // A's own: the file named after B is applied to A; the one in a sub-folder is refused; the old path is no drop at all.
        Assert.Equal(2, run.Finished);
        Assert.Equal("sms:+353871234568", Assert.Single(await h.RowsAsync(h.Tables.Blocklist)).RowKey);
        Assert.Contains("not a plain file name", Assert.Single(await h.ReportsAsync("failed")).GetProperty("problem").GetString());
        Assert.True((await h.Container.GetBlobClient($"{otherId}/inbox/blocklist-x.csv").ExistsAsync()).Value);
    }

    [Fact]
    public async Task EachHomesFilesGoToItsOwnOrg()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var (other, _) = await h.Orgs.Trees.RootAsync();
        var otherHome = h.Homes.Container(other.Org.Id);
        await h.DropAsync("blocklist.csv", Row);
        await h.DropAsync("blocklist.csv", "channel,identifier\nsms,+353871234568\n", otherHome);

        Assert.Equal(2, (await h.RunAsync()).Finished);

        Assert.Equal("sms:+353871234567", Assert.Single(await h.RowsAsync(h.Tables.Blocklist)).RowKey);
        Assert.Equal("sms:+353871234568", Assert.Single(await h.RowsAsync(h.Tables.Blocklist, other.Org.Id.Value)).RowKey);
        Assert.Single(await h.ReportsAsync("processed", home: otherHome));
    }

    [Fact]
    public async Task ADeletedOrgsDropsAreRefusedWithAReportAndNotApplied()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var child = await h.Orgs.Trees.ChildAsync(h.Org);
        var deleted = await h.Orgs.Get<OrgService>().DeleteAsync(new OrgScope(OrgTreeBuilder.CallerIn(h.Org), child), cascade: false, default);
        Assert.True(deleted.Succeeded);
        // Its home left behind (as a crash between the delete and the home's removal would leave it), with a drop in it.
        var home = h.Homes.Container(child.Org.Id);
        await h.DropAsync("blocklist.csv", Row, home);

        Assert.Equal(1, (await h.RunAsync()).Finished);

        Assert.Contains("no active organisation", Assert.Single(await h.ReportsAsync("failed", home: home)).GetProperty("problem").GetString());
        Assert.Empty(await h.BlobNamesAsync("inbox", home));
        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist, child.Org.Id.Value));
        Assert.Empty(await h.RowsAsync(h.Tables.Imports, child.Org.Id.Value));
    }

    [Fact]
    public async Task AnOrgStillBeingProvisionedGetsOnlyRefusals()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var input = new ProvisioningInput(OrgId.New().Value, h.Org.Org.Path.Value, "Pending " + Guid.NewGuid().ToString("N")[..6], null, null,
            CopyRoles: false, CopyTemplates: false, [], "apikey:test", DateTimeOffset.UtcNow, 3, 0.01);
        var provisioner = h.Orgs.Get<OrgProvisioner>();
        await provisioner.ReserveNameAsync(input, default);
        await provisioner.CreateOrgAsync(input, default); // status provisioning: not activated
        var home = h.Homes.Container(OrgId.Parse(input.OrgId));
        await h.DropAsync("blocklist.csv", Row, home);

        Assert.Equal(1, (await h.RunAsync()).Finished);

        Assert.Contains("no active organisation", Assert.Single(await h.ReportsAsync("failed", home: home)).GetProperty("problem").GetString());
        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist, input.OrgId));
        Assert.Empty(await h.RowsAsync(h.Tables.Imports, input.OrgId));
    }

    [Fact]
    public async Task AHomeOfNoOrgGetsOnlyRefusals()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var stray = h.HomeNamed("not-an-org");
        await h.DropAsync("blocklist.csv", Row, stray);

        Assert.Equal(1, (await h.RunAsync()).Finished);

        Assert.Contains("no active organisation", Assert.Single(await h.ReportsAsync("failed", home: stray)).GetProperty("problem").GetString());
        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist));
    }

    [Fact]
    public async Task ABlobNameThatCantBeAddressedIsRecordedOnceAndNotRetried()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        // Storage turns the backslashes into '/': "inbox/../../x/blocklist.csv" can be listed, but no request URI reaches it.
        await h.DropAsync("..\\..\\x\\blocklist.csv", Row);

        var first = await h.RunAsync();
        var second = await h.RunAsync();

        Assert.Equal((1, 0), (first.SetAside, first.Listed));
        Assert.Equal((0, 0), (second.SetAside, second.Listed));
        var import = Assert.Single(await h.RowsAsync(h.Tables.Imports), r => r.RowKey[0] is >= '0' and <= '9');
        Assert.Equal("failed", import.GetString("Status"));
        Assert.Contains("no request can address it", import.GetString("Report"), StringComparison.Ordinal);
        Assert.Single(await h.EventsAsync(EventTypes.IngestFailed));
        Assert.Single(await h.ReportsAsync("failed"));
        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist));
    }
}
