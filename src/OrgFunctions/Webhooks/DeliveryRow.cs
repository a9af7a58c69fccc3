using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

/// <summary>One event's delivery to one subscription, with every attempt made. Row of <c>WebhookDeliveries</c>.</summary>
public sealed class DeliveryRecord
{
    public const int MaxAttemptsKept = 50;

    public required string DeliveryId { get; init; }
    public required string SubscriptionId { get; init; }
    public required string TreeId { get; init; }
    public required string SubscriptionOrgId { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public required string EventOrgId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The exact body every attempt sends (what the signatures cover).</summary>
    public required string Payload { get; init; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    /// <summary>Bumped by a manual redelivery; messages of an older round are dropped.</summary>
    public int Round { get; set; } = 1;

    /// <summary>Set once the first message is on the queue, so a re-run of the fan-out doesn't send it again.</summary>
    public bool Enqueued { get; set; }

    public List<AttemptResult> Attempts { get; set; } = [];

    /// <summary>
    /// Attempts recorded in the current round: a message whose attempt is not above it has been recorded already (a
    /// duplicate, or a redelivery after a crash between the record and the settlement).
    /// </summary>
    public int RoundAttempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public ETag ETag { get; set; }

    public DeliveryEntity ToEntity(DateTimeOffset now) => new()
    {
        PartitionKey = SubscriptionId,
        RowKey = DeliveryId,
        TreeId = TreeId,
        SubscriptionOrgId = SubscriptionOrgId,
        EventId = EventId,
        EventType = EventType,
        EventOrgId = EventOrgId,
        OccurredAt = OccurredAt,
        Payload = Payload,
        Status = Status.ToName(),
        Round = Round,
        Enqueued = Enqueued,
        AttemptCount = Attempts.Count,
        RoundAttempts = RoundAttempts,
        Attempts = WriteAttempts(Attempts),
        NextAttemptAt = NextAttemptAt,
        CreatedAt = CreatedAt,
        UpdatedAt = now,
    };

    public static DeliveryRecord Read(DeliveryEntity row) => new()
    {
        DeliveryId = row.RowKey,
        SubscriptionId = row.PartitionKey,
        TreeId = row.TreeId!,
        SubscriptionOrgId = row.SubscriptionOrgId!,
        EventId = row.EventId!,
        EventType = row.EventType!,
        EventOrgId = row.EventOrgId!,
        OccurredAt = row.OccurredAt ?? default,
        Payload = row.Payload!,
        Status = DeliveryStatusNames.TryParse(row.Status, out var status) ? status : DeliveryStatus.Pending,
        Round = row.Round ?? 1,
        Enqueued = row.Enqueued ?? false,
        Attempts = ReadAttempts(row.Attempts),
        RoundAttempts = row.RoundAttempts ?? 0,
        NextAttemptAt = row.NextAttemptAt,
        CreatedAt = row.CreatedAt ?? default,
        ETag = row.ETag,
    };

    /// <summary>The last <see cref="MaxAttemptsKept"/> attempts as the row stores them (and delivery messages carry them).</summary>
    public static string WriteAttempts(IEnumerable<AttemptResult> attempts) =>
        JsonSerializer.Serialize(attempts.TakeLast(MaxAttemptsKept).Select(StoredAttempt.From));

    public static List<AttemptResult> ReadAttempts(string? stored) =>
        (JsonSerializer.Deserialize<StoredAttempt[]>(stored ?? "[]") ?? []).Select(a => a.ToResult()).ToList();

    private sealed record StoredAttempt(int Attempt, DateTimeOffset At, double DurationMs, int? StatusCode, string? Error)
    {
        public static StoredAttempt From(AttemptResult a) => new(a.Attempt, a.At, Math.Round(a.Duration.TotalMilliseconds, 1), a.StatusCode, a.Error);
        public AttemptResult ToResult() => new(Attempt, At, TimeSpan.FromMilliseconds(DurationMs), StatusCode, Error);
    }
}

public static class Deliveries
{
    /// <summary>The delivery of <paramref name="e"/> to <paramref name="s"/>: same inputs, same id.</summary>
    public static DeliveryRecord For(Domain.Events.DomainEvent e, WebhookSubscription s, DateTimeOffset now) => new()
    {
        DeliveryId = DeliveryId.For(e.Id, e.OccurredAt, s.Id),
        SubscriptionId = s.Id,
        TreeId = s.OrgPath.RootId.Value,
        SubscriptionOrgId = s.OrgPath.OrgId.Value,
        EventId = e.Id,
        EventType = e.Type,
        EventOrgId = e.OrgId,
        OccurredAt = e.OccurredAt,
        Payload = WebhookPayload.For(e),
        CreatedAt = now,
    };
}

/// <summary>A delivery's row in <c>WebhookDeliveries</c> (PartitionKey = subscription id, RowKey = delivery id).</summary>
public sealed class DeliveryEntity : Storage.TableRow
{
    public string? TreeId { get; set; }
    public string? SubscriptionOrgId { get; set; }
    public string? EventId { get; set; }
    public string? EventType { get; set; }
    public string? EventOrgId { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public string? Payload { get; set; }
    public string? Status { get; set; }
    public int? Round { get; set; }
    public bool? Enqueued { get; set; }
    public int? AttemptCount { get; set; }

    /// <summary>Attempts recorded in the current round (absent on rows written before ADR 0027: read as 0).</summary>
    public int? RoundAttempts { get; set; }

    /// <summary>The last <see cref="DeliveryRecord.MaxAttemptsKept"/> attempts, as JSON.</summary>
    public string? Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
