using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Blocklist;

namespace OrgFunctions.Functions.Blocklist;

/// <summary>Every five minutes, writes the <c>blocklist.added</c> events that interrupted adds left unwritten.</summary>
public sealed class BlocklistEventsTimer(BlocklistEventSweeper sweeper)
{
    [Function(nameof(SweepBlocklistEvents))]
    public Task SweepBlocklistEvents([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
