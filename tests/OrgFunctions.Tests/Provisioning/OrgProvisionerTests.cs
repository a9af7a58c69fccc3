using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.FileDrops;
using OrgFunctions.Orgs;
using OrgFunctions.Provisioning;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Provisioning;

/// <summary>The provisioning steps on Azurite, run as a crash or a retry would run them: twice.</summary>
public sealed class OrgProvisionerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    private OrgProvisioner Provisioner => _app.Get<OrgProvisioner>();

    [Fact]
    public async Task EveryStepRunTwiceLeavesExactlyWhatOneRunLeaves()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        await OrgContentBuilder.CustomRolesAsync(_app.Tables, parent.Org.Path, 3);
        await OrgContentBuilder.TemplatesAsync(_app.Tables, parent.Org.Path, 4);
        await OrgContentBuilder.SenderIdAsync(_app.Tables, parent.Org.Path, "brand-1");
        await OrgContentBuilder.SenderIdAsync(_app.Tables, parent.Org.Path, "brand-2");
        var input = Input(parent, "Child", overridesJson: """{"locale":"fr-FR"}""", senderIds: ["brand-2", "missing"]);

        for (var run = 0; run < 2; run++)
        {
            await RunAllStepsAsync(input);
        }

        var child = Child(parent, input);
        var record = (await _app.Get<OrgStore>().GetAsync(OrgTreeBuilder.Locate(child), default))!;
        Assert.Equal(OrgStatus.Active, record.Org.Status);
        Assert.Equal(parent.Org.Id, record.Org.ParentId);
        Assert.Equal(8, (await Rows(child, RowKeys.RolePrefix(child.OrgId))).Count); // 5 system + 3 custom
        Assert.Equal(3, (await Rows(child, RowKeys.RoleNamePrefix(child.OrgId))).Count);
        Assert.Equal(4, (await Rows(child, RowKeys.TemplatePrefix(child.OrgId))).Count);
        Assert.Equal(4, (await Rows(child, RowKeys.TemplateNamePrefix(child.OrgId))).Count);
        var senders = await Rows(child, RowKeys.SenderPrefix(child.OrgId));
        Assert.Equal("brand-2", Assert.Single(senders).GetString("SenderId"));
        Assert.Equal(parent.Org.Id.Value, senders[0].GetString("AttachedFrom"));
        Assert.Single(await Rows(child, RowKeys.Workspace(child.OrgId, "")));
        Assert.True((await _app.Get<FileDropHomes>().Container(child.OrgId).ExistsAsync()).Value);
        var created = (await OutboxReader.EventsAsync(_app, parent.Org.Id.Value)).Where(e => e.Type == EventTypes.OrgCreated && e.OrgId == child.OrgId.Value);
        Assert.Single(created);
    }

    [Fact]
    public async Task SettingsAreInheritedWithProvenanceAndOverridesAreTheChildsOwn()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        var input = Input(parent, "Child", overridesJson: """{"locale":"fr-FR","channels.voice":true}""");

        await RunAllStepsAsync(input);

        var settings = (await _app.Get<OrgStore>().GetAsync(OrgTreeBuilder.Locate(Child(parent, input)), default))!.Settings;
        Assert.Equal(new EffectiveSetting("locale", "fr-FR", SettingSource.Overridden, null), settings["locale"]);
        Assert.Equal(new EffectiveSetting("channels.voice", true, SettingSource.Overridden, null), settings["channels.voice"]);
        Assert.Equal(new EffectiveSetting("timeZone", "Europe/London", SettingSource.Inherited, parent.Org.Id), settings["timeZone"]);
    }

    [Fact]
    public async Task CopiedTemplatesKeepTheirIdsAndNameTheParent()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        var templates = await OrgContentBuilder.TemplatesAsync(_app.Tables, parent.Org.Path, 2);
        var input = Input(parent, "Child");

        await RunAllStepsAsync(input);

        var copies = await _app.Get<OrgFunctions.Templates.TemplateStore>().ListAsync(Child(parent, input), default);
        Assert.Equal(templates.Select(t => t.Id), copies.Select(c => c.Template.Id));
        Assert.All(copies, c => Assert.Equal(parent.Org.Id, c.Template.InheritedFrom));
    }

    [Fact]
    public async Task WithoutCopyingRolesAndTemplatesTheChildStillHasTheSystemRoles()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        await OrgContentBuilder.CustomRolesAsync(_app.Tables, parent.Org.Path, 2);
        await OrgContentBuilder.TemplatesAsync(_app.Tables, parent.Org.Path, 2);
        var input = Input(parent, "Child") with { CopyRoles = false, CopyTemplates = false };

        await RunAllStepsAsync(input);

        var child = Child(parent, input);
        Assert.Equal(5, (await Rows(child, RowKeys.RolePrefix(child.OrgId))).Count);
        Assert.Empty(await Rows(child, RowKeys.TemplatePrefix(child.OrgId)));
    }

    [Fact]
    public async Task ANameHeldByAnotherOrgOfTheTreeIsRefusedWhateverItsCase()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        await _app.Trees.ChildAsync(parent, "Sales");

        var refused = await Assert.ThrowsAsync<ProvisioningRefusedException>(() =>
            Provisioner.ReserveNameAsync(Input(parent, "SALES"), default));

        Assert.Contains("'SALES' is already used", refused.Message);
    }

    [Theory]
    [InlineData("Café", "Cafe\u0301")]
    [InlineData("D\u200Bupx", "Dupx")]
    public async Task ALookAlikeOfANameHeldInTheTreeIsRefused(string held, string requested)
    {
        var (parent, _) = await _app.Trees.RootAsync();
        await _app.Trees.ChildAsync(parent, held);

        await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.ReserveNameAsync(Input(parent, requested), default));
    }

    [Fact]
    public async Task ANameReservedInTheLegacyKeyFormIsRefusedInItsComposedForm()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        // Before ADR 0013 a name was reserved as typed, upper-cased: here "Cafe\u0301" typed decomposed (NFD).
        var legacyKey = "name:" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes("CAFE\u0301"));
        await _app.Tables.Orgs.AddEntityAsync(new TableEntity(parent.Org.Id.Value, legacyKey) { ["Kind"] = "name", ["OrgId"] = OrgId.New().Value });

        await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.ReserveNameAsync(Input(parent, "Café"), default));
    }

    [Fact]
    public async Task CompensationRemovesWhatWasMadeFreesTheNameAndEmitsNothing()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        await OrgContentBuilder.CustomRolesAsync(_app.Tables, parent.Org.Path, 2);
        await OrgContentBuilder.TemplatesAsync(_app.Tables, parent.Org.Path, 2);
        var input = Input(parent, "Doomed");
        await Provisioner.ReserveNameAsync(input, default);
        await Provisioner.CreateOrgAsync(input, default);
        await Provisioner.CopySettingsAsync(input, default);
        await Provisioner.CopyRolesAsync(input, default);
        await Provisioner.CopyTemplatesAsync(input, default);
        await Provisioner.CreateFileDropHomeAsync(input, default);

        await Provisioner.CompensateAsync(input, default);
        await Provisioner.CompensateAsync(input, default); // a retried compensation is harmless

        var child = Child(parent, input);
        foreach (var prefix in new[] { RowKeys.RolePrefix(child.OrgId), RowKeys.RoleNamePrefix(child.OrgId),
                     RowKeys.TemplatePrefix(child.OrgId), RowKeys.TemplateNamePrefix(child.OrgId) })
        {
            Assert.Empty(await Rows(child, prefix));
        }
        Assert.Null(await _app.Get<OrgStore>().GetAsync(OrgTreeBuilder.Locate(child), default));
        var row = await _app.Get<OrgStore>().GetAsync(OrgTreeBuilder.Locate(child), default, includeDeleted: true);
        Assert.Equal(OrgStatus.Deleted, row!.Org.Status);
        Assert.False((await _app.Get<FileDropHomes>().Container(child.OrgId).ExistsAsync()).Value);
        Assert.DoesNotContain(await OutboxReader.EventsAsync(_app, parent.Org.Id.Value), e => e.OrgId == child.OrgId.Value);
        // The name is free again: another provisioning can take it.
        await Provisioner.ReserveNameAsync(Input(parent, "doomed"), default);
    }

    [Fact]
    public async Task CompensationNeverFreesANameItDidNotReserve()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        var holder = await _app.Trees.ChildAsync(parent, "Taken");
        var loser = Input(parent, "Taken");
        await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.ReserveNameAsync(loser, default));

        await Provisioner.CompensateAsync(loser, default);

        var name = await _app.Tables.Orgs.GetEntityAsync<TableEntity>(parent.Org.Id.Value, RowKeys.Name(OrgName.Create("Taken")));
        Assert.Equal(holder.Org.Id.Value, name.Value.GetString("OrgId"));
    }

    [Fact]
    public async Task AnActiveOrgIsNotActivatedTwiceNorCompensated()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        var input = Input(parent, "Child");
        await RunAllStepsAsync(input);

        await Provisioner.ActivateAsync(new ActivationInput(input, "evt_other", DateTimeOffset.UtcNow), default);
        await Provisioner.CompensateAsync(input, default);

        var child = Child(parent, input);
        Assert.Equal(OrgStatus.Active, (await _app.Get<OrgStore>().GetAsync(OrgTreeBuilder.Locate(child), default))!.Org.Status);
        Assert.Single(await OutboxReader.EventsAsync(_app, parent.Org.Id.Value), e => e.Type == EventTypes.OrgCreated && e.OrgId == child.OrgId.Value);
    }

    private async Task RunAllStepsAsync(ProvisioningInput input)
    {
        await Provisioner.ReserveNameAsync(input, default);
        await Provisioner.CreateOrgAsync(input, default);
        await Provisioner.CopySettingsAsync(input, default);
        await Provisioner.CopyRolesAsync(input, default);
        await Provisioner.CopyTemplatesAsync(input, default);
        await Provisioner.AttachSenderIdsAsync(input, default);
        await Provisioner.CreateDefaultWorkspaceAsync(input, default);
        await Provisioner.CreateFileDropHomeAsync(input, default);
        await Provisioner.ActivateAsync(new ActivationInput(input, "evt_" + input.OrgId, input.RequestedAt), default);
    }

    private Task<List<TableEntity>> Rows(OrgPath org, string prefix) => OrgContentBuilder.RowsAsync(_app.Tables, org, prefix);

    private static OrgPath Child(OrgRecord parent, ProvisioningInput input) => parent.Org.Path.Child(OrgId.Parse(input.OrgId));

    private static ProvisioningInput Input(OrgRecord parent, string name, string? overridesJson = null, IReadOnlyList<string>? senderIds = null) =>
        new(OrgId.New().Value, parent.Org.Path.Value, name, null, overridesJson, CopyRoles: true, CopyTemplates: true, senderIds ?? [],
            "apikey:test", DateTimeOffset.UtcNow, 3, 0.01);
}
