using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Settings;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Settings;

public class SettingsServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);
    private SettingsService Service => _app.Get<SettingsService>();

    [Fact]
    public async Task AnOverrideFlowsToInheritingDescendantsButNotPastAnOverride()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var region = await _app.Trees.ChildAsync(root);
        var branch = await _app.Trees.ChildAsync(region);
        var pinned = await _app.Trees.ChildAsync(region, overrides: new Dictionary<string, object?> { ["locale"] = "de-DE" });
        var underPinned = await _app.Trees.ChildAsync(pinned);

        var result = await Service.OverrideAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), region),
            new Dictionary<string, object?> { ["locale"] = "fr-FR", ["channels.voice"] = true }, default);

        Assert.True(result.Succeeded);
        var branchSettings = (await _app.Trees.ReloadAsync(branch)).Settings;
        Assert.Equal(new EffectiveSetting("locale", "fr-FR", SettingSource.Inherited, region.Org.Id), branchSettings["locale"]);
        Assert.Equal(true, branchSettings["channels.voice"].Value);
        Assert.Equal("de-DE", (await _app.Trees.ReloadAsync(pinned)).Settings["locale"].Value);
        Assert.Equal("de-DE", (await _app.Trees.ReloadAsync(underPinned)).Settings["locale"].Value);
        Assert.Equal(true, (await _app.Trees.ReloadAsync(underPinned)).Settings["channels.voice"].Value);
        var changed = (await OutboxReader.EventsAsync(_app, root.Org.Id.Value)).Where(e => e.Type == EventTypes.SettingsChanged).Select(e => e.OrgId);
        Assert.Equal(new[] { region, branch, pinned, underPinned }.Select(o => o.Org.Id.Value).Order(), changed.Order());
    }

    [Fact]
    public async Task ResetFollowsTheParentAgain()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root, overrides: new Dictionary<string, object?> { ["loginAttempts"] = 3 });

        var result = await Service.ResetAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), child), ["loginAttempts"], default);

        Assert.Equal(new EffectiveSetting("loginAttempts", root.Settings["loginAttempts"].Value, SettingSource.Inherited, root.Org.Id),
            result.Value!["loginAttempts"]);
    }

    [Fact]
    public async Task ARootHasNothingToResetTo()
    {
        var (root, _) = await _app.Trees.RootAsync();

        var result = await Service.ResetAsync(new OrgScope(OrgTreeBuilder.CallerIn(root), root), ["locale"], default);

        Assert.IsType<Failure.Invalid>(result.Failure);
    }

    [Fact]
    public async Task AnInterruptedPropagationIsFinishedByResume()
    {
        var (root, _) = await _app.Trees.RootAsync();
        var child = await _app.Trees.ChildAsync(root);
        var grandchild = await _app.Trees.ChildAsync(child);
        // Simulate a process that stored the change and its marker, then died before propagating.
        var changed = child.Settings.Override(new Dictionary<string, object?> { ["timeZone"] = "Asia/Tokyo" }).Settings;
        await _app.Get<OrgFunctions.Orgs.OrgStore>().SubmitAsync(
        [
            new(Azure.Data.Tables.TableTransactionActionType.UpdateReplace, OrgFunctions.Orgs.OrgRow.Create(child.Org, changed, DateTimeOffset.UtcNow), child.ETag),
            SettingsPropagator.Pending(child.Org.Path),
        ], default);
        await _app.Get<SettingsPropagator>().LocateAsync(child.Org.Path, default);

        var resumed = await _app.Get<SettingsPropagator>().ResumeAsync(default);

        Assert.True(resumed >= 1);
        Assert.Equal("Asia/Tokyo", (await _app.Trees.ReloadAsync(grandchild)).Settings["timeZone"].Value);
        // Done propagations leave nothing to resume: their marker and locating row are gone.
        var pending = _app.Tables.Index.QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"pending-propagation"} and RowKey eq {child.Org.Path.Value}"));
        await foreach (var _ in pending)
        {
            Assert.Fail("The locating row of a finished propagation is still there.");
        }
    }
}
