using Microsoft.DurableTask.Client;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;

namespace OrgFunctions.Provisioning;

/// <summary><c>GET /provisioning/{instanceId}</c>: <c>{ instanceId, status: pending|running|completed|failed, step, orgId, error? }</c>.</summary>
public sealed record ProvisioningStatusView(string InstanceId, string Status, string Step, string OrgId, string? Error);

/// <summary>
/// Reads a provisioning's status for a caller who can see the parent org; anyone else gets the same 404 as for an
/// unknown instance, so instance ids reveal nothing.
/// </summary>
public sealed class ProvisioningStatusReader
{
    public async Task<Outcome<ProvisioningStatusView>> GetAsync(Caller caller, string instanceId, DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (instanceId.Length is 0 or > 100 || instanceId.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            return new Failure.NotFound("provisioning");
        }
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null || instance.Name != nameof(ProvisioningOrchestrator.ProvisionOrg)
            || instance.ReadInputAs<ProvisioningInput>() is not { } input)
        {
            return new Failure.NotFound("provisioning");
        }
        switch (AccessPolicy.Decide(caller, OrgPath.Parse(input.ParentPath), Permission.OrgsRead))
        {
            case AccessDecision.NotVisible:
                return new Failure.NotFound("provisioning");
            case AccessDecision.Forbidden:
                return new Failure.Forbidden(Permission.OrgsRead);
        }
        var progress = instance.ReadCustomStatusAs<ProvisioningProgress>();
        var status = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Pending => "pending",
            OrchestrationRuntimeStatus.Completed => "completed",
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => "failed",
            _ => "running",
        };
        var error = status == "failed"
            ? progress?.Error ?? instance.FailureDetails?.ErrorMessage ?? "The provisioning was stopped."
            : null;
        var step = status == "completed" ? ProvisioningSteps.Completed : progress?.Step ?? ProvisioningSteps.ReserveName;
        return new ProvisioningStatusView(instanceId, status, step, input.OrgId, error);
    }
}
