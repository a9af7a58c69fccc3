using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.Provisioning;

/// <summary>
/// Ends what provisionings left behind. A provisioning whose instance ended without finishing (terminated, or purged,
/// by an operator; or failed with its compensation failing too) is compensated again, so its name is freed and no
/// half-made org stays in <c>provisioning</c>. One that completed is only forgotten; a live one is left alone.
/// Compensation is idempotent, so a second sweep or a sweep racing the orchestration's own compensation is harmless.
/// </summary>
public sealed class AbandonedProvisioningSweeper(PendingProvisionings pending, OrgProvisioner provisioner, TimeProvider clock,
    ILogger<AbandonedProvisioningSweeper> logger)
{
    /// <summary>Younger ones may still be being scheduled: their instance may not exist yet.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(2);

    private const int MaxPerSweep = 200;

    public async Task<int> SweepAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var compensated = 0;
        foreach (var provisioning in await pending.ScheduledBeforeAsync(clock.GetUtcNow() - MinimumAge, MaxPerSweep, cancellationToken))
        {
            var instance = await client.GetInstanceAsync(provisioning.InstanceId, getInputsAndOutputs: false, cancellationToken);
            switch (instance?.RuntimeStatus)
            {
                case OrchestrationRuntimeStatus.Completed:
                    break;
                case null or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Failed:
                    await provisioner.CompensateAsync(provisioning.Input, cancellationToken);
                    logger.LogWarning("Provisioning {InstanceId} of org {OrgId} ended unfinished ({Status}); compensated.",
                        provisioning.InstanceId, provisioning.Input.OrgId, instance?.RuntimeStatus.ToString() ?? "purged");
                    compensated++;
                    break;
                default:
                    continue; // still pending, running or suspended
            }
            await pending.RemoveAsync(provisioning.InstanceId, cancellationToken);
        }
        return compensated;
    }
}
