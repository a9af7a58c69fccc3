using Microsoft.Azure.Functions.Worker;
using OrgFunctions.ActivityFeed;

namespace OrgFunctions.Functions.ActivityFeed;

/// <summary>Every hour: deletes activity older than <c>Activity:RetentionDays</c>, a bounded amount per run.</summary>
public sealed class ActivityRetentionTimer(ActivitySweeper sweeper)
{
    [Function(nameof(SweepActivity))]
    public Task SweepActivity([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
