namespace OrgFunctions.Domain.Webhooks;

/// <summary>One HTTP attempt of a delivery: when, how long, and the status code or the error that stopped it.</summary>
public sealed record AttemptResult(int Attempt, DateTimeOffset At, TimeSpan Duration, int? StatusCode, string? Error, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver says this endpoint is no more, so the subscription is disabled.</summary>
    public bool EndpointGone => StatusCode == 410;

    /// <summary>A Retry-After only counts on 429 and 503, where HTTP gives it that meaning.</summary>
    public TimeSpan? HonouredRetryAfter => StatusCode is 429 or 503 ? RetryAfter : null;
}
