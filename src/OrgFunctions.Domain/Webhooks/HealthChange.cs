namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// What an attempt's outcome changes in its subscription's health. Most outcomes change nothing (a success with no
/// streak, a failure inside a streak), so the subscription row is written only on these transitions.
/// </summary>
public enum HealthChange
{
    None,
    EndStreak,
    StartStreak,
    DisableGone,
    DisableFailing,
}

public static class HealthChanges
{
    public static HealthChange After(DeliveryDecision decision, DateTimeOffset? failingSince, DateTimeOffset now, TimeSpan disableAfter) =>
        decision switch
        {
            DeliveryDecision.Done => failingSince is null ? HealthChange.None : HealthChange.EndStreak,
            DeliveryDecision.EndpointGone => HealthChange.DisableGone,
            _ when failingSince is null => HealthChange.StartStreak,
            _ when FailureStreak.ShouldDisable(failingSince, now, disableAfter) => HealthChange.DisableFailing,
            _ => HealthChange.None,
        };
}
