using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

/// <summary>A subscription as the API shows it: never its secret.</summary>
public record SubscriptionView(string Id, string OrgId, string Url, IReadOnlyList<string> Events, bool IncludeDescendants,
    string? Description, bool Enabled, string? DisabledReason, DateTimeOffset? FailingSince, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SubscriptionView From(SubscriptionRecord record)
    {
        var s = record.Subscription;
        return new SubscriptionView(s.Id, s.OrgPath.OrgId.Value, s.Url.Value, s.Selection.Types, s.Selection.IncludeDescendants,
            s.Description, s.Enabled, s.DisabledReason, s.FailingSince, s.CreatedAt, record.UpdatedAt);
    }
}

/// <summary>The answer to creation and rotation: the only time the signing secret is shown.</summary>
public sealed record SubscriptionWithSecretView(SubscriptionView Subscription, string Secret);
