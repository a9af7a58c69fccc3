using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Provisioning;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Provisioning;

/// <summary>
/// The children-per-org limit holds under races: the create step writes the new org and its parent's child count in one
/// transaction, so provisionings racing for the last slot can't all take it; deleting or compensating a child gives it back.
/// </summary>
public sealed class ChildLimitRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Limit = 3;
    private readonly OrgApp _app = new(azurite, o => o.MaxChildrenPerOrg = Limit);

    private OrgProvisioner Provisioner => _app.Get<OrgProvisioner>();

    [Fact]
    public async Task RacingCreatesForTheLastSlotLetExactlyOneThrough()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        await _app.Trees.ChildAsync(parent, "Existing one");
        await _app.Trees.ChildAsync(parent, "Existing two");
        var racers = Enumerable.Range(0, 6).Select(i => Input(parent, $"Racer {i}")).ToList();

        var outcomes = await Task.WhenAll(racers.Select(async input =>
        {
            try
            {
                await Provisioner.CreateOrgAsync(input, default);
                return true;
            }
            catch (ProvisioningRefusedException ex)
            {
                Assert.Contains($"already has {Limit} sub-orgs", ex.Message);
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(Limit, await LiveChildrenAsync(parent));
        Assert.Equal(Limit, await _app.Get<ChildCounts>().CountAsync(parent.Org.Path, default));
    }

    [Fact]
    public async Task ManyChildrenCreatedAtOnceUnderOneParentAllGetASlotAndAreCountedOnce()
    {
        var app = new OrgApp(azurite);
        var (parent, _) = await app.Trees.RootAsync();
        var inputs = Enumerable.Range(0, 10).Select(i => Input(parent, $"Branch {i}")).ToList();

        await Task.WhenAll(inputs.Select(input => app.Get<OrgProvisioner>().CreateOrgAsync(input, default)));

        Assert.Equal(10, await app.Get<ChildCounts>().CountAsync(parent.Org.Path, default));
    }

    [Fact]
    public async Task ACompensatedProvisioningGivesItsSlotBack()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        var inputs = Enumerable.Range(0, Limit).Select(i => Input(parent, $"Child {i}")).ToList();
        foreach (var input in inputs)
        {
            await Provisioner.CreateOrgAsync(input, default);
        }
        await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.CreateOrgAsync(Input(parent, "One too many"), default));

        await Provisioner.CompensateAsync(inputs[0], default);
        await Provisioner.CompensateAsync(inputs[0], default); // a retried compensation gives nothing back twice

        Assert.Equal(Limit - 1, await _app.Get<ChildCounts>().CountAsync(parent.Org.Path, default));
        await Provisioner.CreateOrgAsync(Input(parent, "Now it fits"), default);
        await Assert.ThrowsAsync<ProvisioningRefusedException>(() => Provisioner.CreateOrgAsync(Input(parent, "Full again"), default));
    }

    [Fact]
    public async Task ARetriedCreateStepCountsItsOrgOnce()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        var input = Input(parent, "Once");

        await Provisioner.CreateOrgAsync(input, default);
        await Provisioner.CreateOrgAsync(input, default);

        Assert.Equal(1, await _app.Get<ChildCounts>().CountAsync(parent.Org.Path, default));
    }

    [Fact]
    public async Task DeletingAChildGivesItsSlotBackEvenWhileASiblingIsBeingCreated()
    {
        var (parent, _) = await _app.Trees.RootAsync();
        var inputs = Enumerable.Range(0, Limit - 1).Select(i => Input(parent, $"Child {i}")).ToList();
        foreach (var input in inputs)
        {
            await RunToActiveAsync(input);
        }
        var caller = OrgTreeBuilder.CallerIn(parent);

        var scope = (await _app.ScopeAsync(caller, inputs[0].OrgId, Permission.OrgsManage)).Value!;
        var deleted = _app.Get<OrgService>().DeleteAsync(scope, cascade: false, default);
        var created = Provisioner.CreateOrgAsync(Input(parent, "Sibling"), default);
        await Task.WhenAll(deleted, created);

        Assert.True((await deleted).Value);
        Assert.Equal(Limit - 1, await LiveChildrenAsync(parent));
        Assert.Equal(Limit - 1, await _app.Get<ChildCounts>().CountAsync(parent.Org.Path, default));
    }

    private async Task RunToActiveAsync(ProvisioningInput input)
    {
        await Provisioner.ReserveNameAsync(input, default);
        await Provisioner.CreateOrgAsync(input, default);
        await Provisioner.CopySettingsAsync(input, default);
        await Provisioner.ActivateAsync(new ActivationInput(input, "evt_" + input.OrgId, input.RequestedAt), default);
    }

    /// <summary>Children that aren't deleted (live or provisioning), read from the org rows themselves.</summary>
    private async Task<int> LiveChildrenAsync(OrgRecord parent)
    {
        var path = parent.Org.Path;
        var count = 0;
        await foreach (var row in _app.Tables.Orgs.QueryAsync<TableEntity>(RowKeys.PrefixFilter(path.RootId.Value, RowKeys.Org(path) + OrgPath.Separator)))
        {
            count += OrgPath.Parse(row.GetString("Path")!).Depth == path.Depth + 1 && row.GetString("Status") != nameof(OrgStatus.Deleted) ? 1 : 0;
        }
        return count;
    }

    private static ProvisioningInput Input(OrgRecord parent, string name) =>
        new(OrgId.New().Value, parent.Org.Path.Value, name, null, null, CopyRoles: false, CopyTemplates: false, [], "apikey:test",
            DateTimeOffset.UtcNow, 3, 0.01);
}
