namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// A subscription that has failed without a single success for <see cref="DisableAfter"/> is disabled: its receiver
/// is gone in all but name, and retrying forever costs both sides.
/// </summary>
public static class FailureStreak
{
    public static readonly TimeSpan DisableAfter = TimeSpan.FromDays(5);

    public static bool ShouldDisable(DateTimeOffset? failingSince, DateTimeOffset now, TimeSpan? disableAfter = null) =>
        failingSince is { } since && now - since >= (disableAfter ?? DisableAfter);
}
