using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

public sealed record AttemptView(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);

/// <summary>A delivery in the log: the event, where it stands, and each attempt.</summary>
public sealed record DeliveryView(string Id, string EventId, string EventType, string EventOrgId, string Status, int AttemptCount,
    IReadOnlyList<AttemptView> Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt)
{
    public static DeliveryView From(DeliveryRecord d) => new(d.DeliveryId, d.EventId, d.EventType, d.EventOrgId, d.Status.ToName(),
        d.Attempts.Count, d.Attempts.Select(a => new AttemptView(a.Attempt, a.At, a.StatusCode, a.Error,
            Math.Round(a.Duration.TotalMilliseconds, 1))).ToList(), d.NextAttemptAt, d.CreatedAt);
}

