namespace OrgFunctions.Domain.Webhooks;

/// <summary>What follows an attempt.</summary>
public abstract record DeliveryDecision
{
    private DeliveryDecision() { }

    public sealed record Done : DeliveryDecision;

    /// <summary>Try again after <see cref="Delay"/>, as attempt <see cref="NextAttempt"/>.</summary>
    public sealed record Retry(int NextAttempt, TimeSpan Delay) : DeliveryDecision;

    /// <summary>No attempt left: dead-letter the message and record the delivery failed.</summary>
    public sealed record GiveUp(string Reason, string Description) : DeliveryDecision;

    /// <summary>The endpoint answered 410: fail the delivery and disable the subscription.</summary>
    public sealed record EndpointGone : DeliveryDecision;

    public const string AttemptsExhausted = "MaxAttemptsExhausted";

    /// <summary>The rule: 2xx ends it; 410 disables; otherwise the schedule says whether and when to retry.</summary>
    public static DeliveryDecision After(AttemptResult attempt, RetrySchedule schedule, double random01)
    {
        if (attempt.Succeeded)
        {
            return new Done();
        }
        if (attempt.EndpointGone)
        {
            return new EndpointGone();
        }
        return schedule.DelayAfter(attempt.Attempt, attempt.HonouredRetryAfter, random01) is { } delay
            ? new Retry(attempt.Attempt + 1, delay)
            : new GiveUp(AttemptsExhausted,
                $"{attempt.Attempt} attempts failed; the last: {(attempt.StatusCode is { } code ? "HTTP " + code : attempt.Error)}");
    }
}
