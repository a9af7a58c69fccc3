using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.Provisioning;

/// <summary>
/// Provisions a sub-org step by step (each step an idempotent activity, retried with exponential back-off). If a step
/// still fails, compensation removes what was made and frees the name; the instance then fails with the step and the
/// reason, and <c>org.created</c> is never emitted. Deterministic: no I/O, no clock, no random numbers outside the
/// context — it is replayed after every step and after a restart.
/// </summary>
public sealed class ProvisioningOrchestrator
{
    // In order; activation comes last, in its own call, because its input carries the orchestration's time.
    private static readonly (string Step, string Activity)[] Steps =
    [
        (ProvisioningSteps.ReserveName, nameof(ProvisioningActivities.ReserveOrgName)),
        (ProvisioningSteps.CreateOrg, nameof(ProvisioningActivities.CreateOrgRecord)),
        (ProvisioningSteps.CopySettings, nameof(ProvisioningActivities.CopyOrgSettings)),
        (ProvisioningSteps.CopyRoles, nameof(ProvisioningActivities.CopyOrgRoles)),
        (ProvisioningSteps.CopyTemplates, nameof(ProvisioningActivities.CopyOrgTemplates)),
        (ProvisioningSteps.AttachSenderIds, nameof(ProvisioningActivities.AttachOrgSenderIds)),
        (ProvisioningSteps.CreateWorkspace, nameof(ProvisioningActivities.CreateDefaultWorkspace)),
        (ProvisioningSteps.CreateFileDropHome, nameof(ProvisioningActivities.CreateFileDropHome)),
    ];

    [Function(nameof(ProvisionOrg))]
    public async Task<ProvisioningResult> ProvisionOrg([OrchestrationTrigger] TaskOrchestrationContext context, ProvisioningInput input)
    {
        // The input as a parameter (the isolated worker's preferred form): the worker deserializes it to this type.
        var log = context.CreateReplaySafeLogger<ProvisioningOrchestrator>();
        var retry = RetryOptions(input);
        var step = ProvisioningSteps.ReserveName;
        try
        {
            foreach (var (name, activity) in Steps)
            {
                step = name;
                context.SetCustomStatus(new ProvisioningProgress(step, input.OrgId, null));
                await context.CallActivityAsync(activity, input, retry);
            }
            step = ProvisioningSteps.Activate;
            context.SetCustomStatus(new ProvisioningProgress(step, input.OrgId, null));
            var activation = new ActivationInput(input, "evt_" + context.NewGuid().ToString("N"),
                new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)));
            await context.CallActivityAsync(nameof(ProvisioningActivities.ActivateOrg), activation, retry);
        }
        catch (TaskFailedException failed)
        {
            var error = $"Step {step} failed: {Reason(failed)}";
            log.LogWarning("Provisioning of org {OrgId} failed at {Step}; compensating.", input.OrgId, step);
            context.SetCustomStatus(new ProvisioningProgress(step, input.OrgId, error));
            await context.CallActivityAsync(nameof(ProvisioningActivities.CompensateProvisioning), input, retry);
            throw new ProvisioningFailedException(error);
        }
        context.SetCustomStatus(new ProvisioningProgress(ProvisioningSteps.Completed, input.OrgId, null));
        log.LogInformation("Provisioned org {OrgId}.", input.OrgId);
        return new ProvisioningResult(input.OrgId);
    }

    /// <summary>Exponential back-off (doubling, at most a minute apart); a refusal is final and isn't retried.</summary>
    public static TaskOptions RetryOptions(ProvisioningInput input) => TaskOptions.FromRetryPolicy(
        new RetryPolicy(input.StepMaxAttempts, TimeSpan.FromSeconds(input.StepFirstRetrySeconds), backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromSeconds(Math.Max(60, input.StepFirstRetrySeconds)))
        {
            HandleFailure = failure => !failure.IsCausedBy<ProvisioningRefusedException>(),
        });

    // A refusal's message is written for the caller; anything else is summarised, with no internals beyond its type and message.
    private static string Reason(TaskFailedException failed)
    {
        var details = failed.FailureDetails;
        var message = details.ErrorMessage.Length > 300 ? details.ErrorMessage[..300] + "…" : details.ErrorMessage;
        return details.IsCausedBy<ProvisioningRefusedException>() ? message : $"{details.ErrorType.Split('.')[^1]}: {message}";
    }
}
