using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Provisioning;

namespace OrgFunctions.Tests.Provisioning;

/// <summary>The status route's mapping of Durable's runtime status, and who may see it, against a mocked client.</summary>
public sealed class ProvisioningStatusReaderTests
{
    private static readonly OrgPath Root = OrgPath.Root(OrgId.New());
    private static readonly OrgPath Parent = Root.Child(OrgId.New());
    private static readonly string ChildId = OrgId.New().Value;

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, "pending")]
    [InlineData(OrchestrationRuntimeStatus.Running, "running")]
    [InlineData(OrchestrationRuntimeStatus.Completed, "completed")]
    [InlineData(OrchestrationRuntimeStatus.Failed, "failed")]
    [InlineData(OrchestrationRuntimeStatus.Terminated, "failed")]
    public async Task DurablesStatusesMapToTheFourOfTheApi(OrchestrationRuntimeStatus runtime, string expected)
    {
        var client = Client(runtime, new ProvisioningProgress(ProvisioningSteps.CopyRoles, ChildId, null));

        var status = await new ProvisioningStatusReader().GetAsync(Caller(Root), "prov-1", client, default);

        Assert.Equal(expected, status.Value!.Status);
        Assert.Equal(ChildId, status.Value.OrgId);
        Assert.Equal(expected == "completed" ? "completed" : "copyRoles", status.Value.Step);
    }

    [Fact]
    public async Task AFailedProvisioningSaysWhichStepFailedAndWhy()
    {
        var client = Client(OrchestrationRuntimeStatus.Failed,
            new ProvisioningProgress(ProvisioningSteps.CopyTemplates, ChildId, "Step copyTemplates failed: storage down"));

        var status = await new ProvisioningStatusReader().GetAsync(Caller(Parent), "prov-1", client, default);

        Assert.Equal("copyTemplates", status.Value!.Step);
        Assert.Equal("Step copyTemplates failed: storage down", status.Value.Error);
    }

    [Fact]
    public async Task ACallerWhoCannotSeeTheParentGetsTheSameAnswerAsForAnUnknownInstance()
    {
        var client = Client(OrchestrationRuntimeStatus.Running, null);
        var belowParent = Caller(Parent.Child(OrgId.New()));
        var elsewhere = Caller(OrgPath.Root(OrgId.New()));

        Assert.IsType<Failure.NotFound>((await new ProvisioningStatusReader().GetAsync(belowParent, "prov-1", client, default)).Failure);
        Assert.IsType<Failure.NotFound>((await new ProvisioningStatusReader().GetAsync(elsewhere, "prov-1", client, default)).Failure);
        Assert.IsType<Failure.NotFound>((await new ProvisioningStatusReader().GetAsync(Caller(Root), "prov-2", client, default)).Failure);
        Assert.IsType<Failure.NotFound>((await new ProvisioningStatusReader().GetAsync(Caller(Root), "../x", client, default)).Failure);
    }

    private static Caller Caller(OrgPath org) => new("k", org, SystemRoles.Create().Single(r => r.Id == SystemRoles.AdminId));

    private static DurableTaskClient Client(OrchestrationRuntimeStatus runtime, ProvisioningProgress? progress)
    {
        var converter = JsonDataConverter.Default;
        var input = new ProvisioningInput(ChildId, Parent.Value, "Child", null, null, true, true, [], "apikey:k", DateTimeOffset.UnixEpoch, 3, 1);
        var client = new Mock<DurableTaskClient>("hub");
        client.Setup(c => c.GetInstanceAsync("prov-1", true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(nameof(ProvisioningOrchestrator.ProvisionOrg), "prov-1")
            {
                DataConverter = converter,
                RuntimeStatus = runtime,
                SerializedInput = converter.Serialize(input),
                SerializedCustomStatus = progress is null ? null : converter.Serialize(progress),
            });
        return client.Object;
    }
}
