using OrgFunctions.Storage;

namespace OrgFunctions.Webhooks;

/// <summary>A webhook subscription's row in its tree's partition (<c>wh:{orgId}:{subscriptionId}</c>); <see cref="SubscriptionRow"/> maps it.</summary>
public sealed class SubscriptionEntity : TableRow
{
    public string Kind { get; set; } = "webhook";
    public string SubscriptionId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Path { get; set; } = "";
    public string Url { get; set; } = "";

    /// <summary>The selected event types, as a JSON array.</summary>
    public string Events { get; set; } = "[]";
    public bool? IncludeDescendants { get; set; }
    public string? Description { get; set; }
    public bool? Enabled { get; set; }
    public string? DisabledReason { get; set; }

    /// <summary>The signing secret, protected (<see cref="Secrets.SecretCodec"/>); plain in rows written before that.</summary>
    public string Secret { get; set; } = "";
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public DateTimeOffset? FailingSince { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
