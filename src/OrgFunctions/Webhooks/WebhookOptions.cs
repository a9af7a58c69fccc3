using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

/// <summary>The configuration section <c>Webhooks</c> (environment <c>Webhooks__AllowHttp</c>, ...).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The Service Bus queue (and, locally, Storage queue) of delivery messages.</summary>
    public const string QueueName = "webhook-deliveries";

    /// <summary>The named HttpClient that sends webhooks (no redirects, guarded connections).</summary>
    public const string HttpClientName = "webhooks";

    public const int MaxResponseBytes = 64 * 1024;

    /// <summary>Development only: accept http:// URLs.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Development only: allow loopback addresses (never private, link-local or metadata ones).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>The waits before each attempt, e.g. "0, 5s, 5m, 30m, 2h, 5h, 10h, 10h".</summary>
    public string? RetrySchedule { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A subscription failing without a success this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = FailureStreak.DisableAfter;

    /// <summary>Fanned-out outbox rows are kept this long (for audits and tests), then deleted by the fan-out.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many deliveries the fan-out enqueues at once.</summary>
    public int FanOutParallelism { get; set; } = 16;

    /// <summary>
    /// How long the delivery handler trusts a subscription it read (zero: it reads on every delivery). A subscription
    /// disabled, deleted, re-pointed or rotated on another instance is seen by this one within it (ADR 0027).
    /// </summary>
    public TimeSpan SubscriptionCacheTtl { get; set; } = TimeSpan.FromSeconds(15);

    public RetrySchedule Schedule => string.IsNullOrWhiteSpace(RetrySchedule)
        ? Domain.Webhooks.RetrySchedule.Default
        : Domain.Webhooks.RetrySchedule.Parse(RetrySchedule);

    public AddressPolicy AddressPolicy => new(AllowLoopback);
}
