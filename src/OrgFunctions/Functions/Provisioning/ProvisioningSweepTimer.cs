using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using OrgFunctions.Provisioning;

namespace OrgFunctions.Functions.Provisioning;

/// <summary>Every five minutes, compensates provisionings whose instance ended without finishing (terminated or purged).</summary>
public sealed class ProvisioningSweepTimer(AbandonedProvisioningSweeper sweeper)
{
    [Function(nameof(SweepAbandonedProvisionings))]
    public Task SweepAbandonedProvisionings([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        sweeper.SweepAsync(client, cancellationToken);
}
