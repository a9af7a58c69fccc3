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
    public DateTimeOffset? NextAttemptAt { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public ETag ETag { get; set; }

    public TableEntity ToEntity(DateTimeOffset now) => new(SubscriptionId, DeliveryId)
    {
        ["TreeId"] = TreeId,
        ["SubscriptionOrgId"] = SubscriptionOrgId,
        ["EventId"] = EventId,
        ["EventType"] = EventType,
        ["EventOrgId"] = EventOrgId,
        ["OccurredAt"] = OccurredAt,
        ["Payload"] = Payload,
        ["Status"] = Status.ToName(),
        ["Round"] = Round,
        ["Enqueued"] = Enqueued,
        ["AttemptCount"] = Attempts.Count,
        ["Attempts"] = JsonSerializer.Serialize(Attempts.TakeLast(MaxAttemptsKept).Select(StoredAttempt.From)),
        ["NextAttemptAt"] = NextAttemptAt,
        ["CreatedAt"] = CreatedAt,
        ["UpdatedAt"] = now,
    };

    public static DeliveryRecord Read(TableEntity row) => new()
    {
        DeliveryId = row.RowKey,
        SubscriptionId = row.PartitionKey,
        TreeId = row.GetString("TreeId"),
        SubscriptionOrgId = row.GetString("SubscriptionOrgId"),
        EventId = row.GetString("EventId"),
        EventType = row.GetString("EventType"),
        EventOrgId = row.GetString("EventOrgId"),
        OccurredAt = row.GetDateTimeOffset("OccurredAt") ?? default,
        Payload = row.GetString("Payload"),
        Status = DeliveryStatusNames.TryParse(row.GetString("Status"), out var status) ? status : DeliveryStatus.Pending,
        Round = row.GetInt32("Round") ?? 1,
        Enqueued = row.GetBoolean("Enqueued") ?? false,
        Attempts = (JsonSerializer.Deserialize<StoredAttempt[]>(row.GetString("Attempts") ?? "[]") ?? []).Select(a => a.ToResult()).ToList(),
        NextAttemptAt = row.GetDateTimeOffset("NextAttemptAt"),
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        ETag = row.ETag,
    };

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
