using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OrgFunctions.Provisioning;

namespace OrgFunctions.Tests.Provisioning;

/// <summary>The orchestrator against a mocked context: the order of steps, retries, compensation, and what it never does.</summary>
public sealed class ProvisioningOrchestratorTests
{
    private static readonly ProvisioningInput Input = new("abcdefghijklmnopqrst", "bcdefghijklmnopqrstu", "Child", null, null,
        CopyRoles: true, CopyTemplates: true, SenderIds: [], "apikey:k1", DateTimeOffset.UnixEpoch, StepMaxAttempts: 4,
        StepFirstRetrySeconds: 2);

    private static readonly string[] StepActivities =
    [
        nameof(ProvisioningActivities.ReserveOrgName), nameof(ProvisioningActivities.CreateOrgRecord),
        nameof(ProvisioningActivities.CopyOrgSettings), nameof(ProvisioningActivities.CopyOrgRoles),
        nameof(ProvisioningActivities.CopyOrgTemplates), nameof(ProvisioningActivities.AttachOrgSenderIds),
        nameof(ProvisioningActivities.CreateDefaultWorkspace), nameof(ProvisioningActivities.CreateFileDropHome),
        nameof(ProvisioningActivities.ActivateOrg),
    ];

    [Fact]
    public async Task EveryStepRunsInOrderWithRetriesAndTheOrgIsActivatedLast()
    {
        var (context, calls) = Context();

        var result = await Orchestrator().ProvisionOrg(context.Object, Input);

        Assert.Equal(Input.OrgId, result.OrgId);
        Assert.Equal(StepActivities, calls.Select(c => c.Name));
        Assert.All(calls, c =>
        {
            Assert.Equal(4, c.Options!.Retry!.Policy!.MaxNumberOfAttempts);
            Assert.Equal(TimeSpan.FromSeconds(2), c.Options.Retry.Policy.FirstRetryInterval);
            Assert.Equal(2, c.Options.Retry.Policy.BackoffCoefficient);
        });
        Assert.DoesNotContain(calls, c => c.Name == nameof(ProvisioningActivities.CompensateProvisioning));
        context.Verify(c => c.SetCustomStatus(It.Is<ProvisioningProgress>(p => p.Step == ProvisioningSteps.CopyRoles && p.Error == null)));
        context.Verify(c => c.SetCustomStatus(It.Is<ProvisioningProgress>(p => p.Step == ProvisioningSteps.Completed)));
    }

    [Fact]
    public async Task ActivationTakesItsEventIdAndTimeFromTheOrchestration()
    {
        var (context, calls) = Context();
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        context.Setup(c => c.NewGuid()).Returns(id);
        context.Setup(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        await Orchestrator().ProvisionOrg(context.Object, Input);

        var activation = (ActivationInput)calls.Single(c => c.Name == nameof(ProvisioningActivities.ActivateOrg)).Input!;
        Assert.Equal("evt_" + id.ToString("N"), activation.EventId);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), activation.At);
        Assert.Equal(Input, activation.Request);
    }

    [Fact]
    public async Task AFailedStepIsCompensatedTheInstanceFailsNamingItAndTheOrgIsNeverActivated()
    {
        var (context, calls) = Context(failing: nameof(ProvisioningActivities.CopyOrgTemplates),
            new TaskFailureDetails("System.TimeoutException", "storage timed out", null, null, null));

        var failure = await Assert.ThrowsAsync<ProvisioningFailedException>(() => Orchestrator().ProvisionOrg(context.Object, Input));

        Assert.Equal("Step copyTemplates failed: TimeoutException: storage timed out", failure.Message);
        Assert.Equal(
        [
            nameof(ProvisioningActivities.ReserveOrgName), nameof(ProvisioningActivities.CreateOrgRecord),
            nameof(ProvisioningActivities.CopyOrgSettings), nameof(ProvisioningActivities.CopyOrgRoles),
            nameof(ProvisioningActivities.CopyOrgTemplates), nameof(ProvisioningActivities.CompensateProvisioning),
        ], calls.Select(c => c.Name));
        Assert.Equal(Input, calls[^1].Input);
        Assert.DoesNotContain(calls, c => c.Name == nameof(ProvisioningActivities.ActivateOrg));
        context.Verify(c => c.SetCustomStatus(It.Is<ProvisioningProgress>(p =>
            p.Step == ProvisioningSteps.CopyTemplates && p.Error == failure.Message)));
    }

    [Fact]
    public async Task ANameLostToARaceFailsWithTheConflictAndIsNotRetried()
    {
        var (context, calls) = Context(failing: nameof(ProvisioningActivities.ReserveOrgName),
            new TaskFailureDetails(typeof(ProvisioningRefusedException).FullName!, "The name 'Child' is already used by another org of this tree.", null, null, null));

        var failure = await Assert.ThrowsAsync<ProvisioningFailedException>(() => Orchestrator().ProvisionOrg(context.Object, Input));

        Assert.Equal("Step reserveName failed: The name 'Child' is already used by another org of this tree.", failure.Message);
        Assert.Equal([nameof(ProvisioningActivities.ReserveOrgName), nameof(ProvisioningActivities.CompensateProvisioning)],
            calls.Select(c => c.Name));
        // The policy retries transient failures only: a refusal is final.
        var policy = calls[0].Options!.Retry!.Policy!;
        Assert.False(Retries(policy, typeof(ProvisioningRefusedException).FullName!));
        Assert.True(Retries(policy, "System.TimeoutException"));
    }

    /// <summary>What the worker asks the policy: it hands over DurableTask.Core's failure, as the real engine does.</summary>
    private static bool Retries(RetryPolicy policy, string errorType) =>
        policy.Handle(new global::DurableTask.Core.Exceptions.TaskFailedException("the activity failed")
        {
            FailureDetails = new global::DurableTask.Core.FailureDetails(errorType, "failed", null, null, isNonRetriable: false),
        });

    private sealed record Call(string Name, object? Input, TaskOptions? Options);

    private static ProvisioningOrchestrator Orchestrator() => new();

    private static (Mock<TaskOrchestrationContext> Context, List<Call> Calls) Context(string? failing = null, TaskFailureDetails? details = null)
    {
        var calls = new List<Call>();
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.CreateReplaySafeLogger<ProvisioningOrchestrator>()).Returns(NullLogger.Instance);
        context.Setup(c => c.IsReplaying).Returns(false);
        context.Setup(c => c.NewGuid()).Returns(Guid.NewGuid);
        context.Setup(c => c.CurrentUtcDateTime).Returns(DateTime.UtcNow);
        context.Setup(c => c.CallActivityAsync(It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Returns((TaskName name, object? input, TaskOptions? options) =>
            {
                calls.Add(new Call(name.Name, input, options));
                return name.Name == failing
                    ? Task.FromException(new TaskFailedException(name.Name, calls.Count, details!))
                    : Task.CompletedTask;
            });
        return (context, calls);
    }
}
