using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Provisioning;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Provisioning;

/// <summary>Orgs left in <c>provisioning</c> by an instance that an operator terminated or purged are compensated by the sweep.</summary>
public sealed class AbandonedProvisioningSweeperTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Scheduled = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly OrgApp _app = new(azurite);

    [Theory]
    [InlineData(null)] // purged: the task hub has no such instance any more
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task AHalfMadeOrgWhoseInstanceEndedUnfinishedIsCompensatedAndItsNameFreed(OrchestrationRuntimeStatus? status)
    {
        var (parent, input) = await HalfMadeAsync("Abandoned");

        var compensated = await Sweeper(at: Scheduled + TimeSpan.FromMinutes(10)).SweepAsync(Client(input, status), default);

        Assert.Equal(1, compensated);
        var child = parent.Org.Path.Child(OrgId.Parse(input.OrgId));
        Assert.Equal(OrgStatus.Deleted, (await _app.Get<OrgStore>().GetAsync(OrgTreeBuilder.Locate(child), default, includeDeleted: true))!.Org.Status);
        Assert.Empty(await OrgContentBuilder.RowsAsync(_app.Tables, child, RowKeys.RolePrefix(child.OrgId)));
        await _app.Get<OrgProvisioner>().ReserveNameAsync(input with { OrgId = OrgId.New().Value }, default); // the name is free again
        Assert.DoesNotContain(await Pending().ScheduledBeforeAsync(DateTimeOffset.MaxValue, 1000, default), p => p.Input.OrgId == input.OrgId);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    public async Task ALiveInstanceIsLeftAlone(OrchestrationRuntimeStatus status)
    {
        var (parent, input) = await HalfMadeAsync("StillGoing");

        var compensated = await Sweeper(at: Scheduled + TimeSpan.FromMinutes(10)).SweepAsync(Client(input, status), default);

        Assert.Equal(0, compensated);
        var child = parent.Org.Path.Child(OrgId.Parse(input.OrgId));
        Assert.Equal(OrgStatus.Provisioning, (await _app.Get<OrgStore>().GetAsync(OrgTreeBuilder.Locate(child), default, includeDeleted: true))!.Org.Status);
        Assert.Single(await Pending().ScheduledBeforeAsync(DateTimeOffset.MaxValue, 1000, default), p => p.Input.OrgId == input.OrgId);
    }

    [Fact]
    public async Task AProvisioningJustScheduledIsNotJudgedYet()
    {
        var (_, input) = await HalfMadeAsync("JustNow");

        var compensated = await Sweeper(at: Scheduled + TimeSpan.FromSeconds(30)).SweepAsync(Client(input, null), default);

        Assert.Equal(0, compensated);
    }

    private async Task<(OrgRecord Parent, ProvisioningInput Input)> HalfMadeAsync(string name)
    {
        var (parent, _) = await _app.Trees.RootAsync();
        var input = new ProvisioningInput(OrgId.New().Value, parent.Org.Path.Value, name, null, null, CopyRoles: true, CopyTemplates: true,
            [], "apikey:test", Scheduled, 3, 0.01);
        await Pending(Scheduled).AddAsync("prov-" + input.OrgId, input, default);
        var provisioner = _app.Get<OrgProvisioner>();
        await provisioner.ReserveNameAsync(input, default);
        await provisioner.CreateOrgAsync(input, default);
        await provisioner.CopyRolesAsync(input, default);
        return (parent, input);
    }

    private PendingProvisionings Pending(DateTimeOffset? at = null) => new(_app.Tables, new FrozenClock(at ?? Scheduled));

    private AbandonedProvisioningSweeper Sweeper(DateTimeOffset at) => new(Pending(at), _app.Get<OrgProvisioner>(), new FrozenClock(at),
        NullLogger<AbandonedProvisioningSweeper>.Instance);

    private static DurableTaskClient Client(ProvisioningInput input, OrchestrationRuntimeStatus? status)
    {
        var client = new Mock<DurableTaskClient>("test");
        // Other tests' provisionings in the same partition are live, so this sweep leaves them alone.
        client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), false, It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => new OrchestrationMetadata("ProvisionOrg", id) { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        client.Setup(c => c.GetInstanceAsync("prov-" + input.OrgId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(status is { } s ? new OrchestrationMetadata(nameof(ProvisioningOrchestrator.ProvisionOrg), "prov-" + input.OrgId) { RuntimeStatus = s } : null);
        return client.Object;
    }
}
