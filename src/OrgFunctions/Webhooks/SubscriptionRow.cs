using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Secrets;

namespace OrgFunctions.Webhooks;

public sealed record SubscriptionRecord(WebhookSubscription Subscription, ETag ETag, DateTimeOffset UpdatedAt);

/// <summary>
/// A subscription as a row of its tree's partition: <c>wh:{orgId}:{subscriptionId}</c>. The signing secrets are stored
/// protected (<see cref="SecretCodec"/>); a row written before that holds them in plain text, which is read as it is and
/// protected again on the row's next write.
/// </summary>
public static class SubscriptionRow
{
    public const string SecretPurpose = "webhooks.signing-secret";

    public static SubscriptionEntity Create(WebhookSubscription s, DateTimeOffset updatedAt, SecretCodec secrets) => new()
    {
        PartitionKey = s.OrgPath.RootId.Value,
        RowKey = WebhookTables.SubscriptionKey(s.OrgPath.OrgId, s.Id),
        SubscriptionId = s.Id,
        OrgId = s.OrgPath.OrgId.Value,
        Path = s.OrgPath.Value,
        Url = s.Url.Value,
        Events = JsonSerializer.Serialize(s.Selection.Types),
        IncludeDescendants = s.Selection.IncludeDescendants,
        Description = s.Description,
        Enabled = s.Enabled,
        DisabledReason = s.DisabledReason,
        Secret = secrets.Protect(SecretPurpose, s.Secret.Text),
        PreviousSecret = s.PreviousSecret is { } previous ? secrets.Protect(SecretPurpose, previous.Text) : null,
        PreviousSecretExpiresAt = s.PreviousSecretExpiresAt,
        FailingSince = s.FailingSince,
        CreatedAt = s.CreatedAt,
        UpdatedAt = updatedAt,
    };

    public static SubscriptionRecord Read(SubscriptionEntity row, SecretCodec secrets)
    {
        var subscription = new WebhookSubscription
        {
            Id = row.SubscriptionId,
            OrgPath = OrgPath.Parse(row.Path),
            // Stored URLs passed validation once; a later AllowHttp change must not make them unreadable.
            Url = EndpointUrl.Parse(row.Url, allowHttp: true),
            Selection = new EventSelection(JsonSerializer.Deserialize<string[]>(row.Events) ?? [], row.IncludeDescendants ?? true),
            Description = row.Description,
            Secret = WebhookSecret.Parse(secrets.Reveal(SecretPurpose, row.Secret)),
            PreviousSecret = row.PreviousSecret is { } previous ? WebhookSecret.Parse(secrets.Reveal(SecretPurpose, previous)) : null,
            PreviousSecretExpiresAt = row.PreviousSecretExpiresAt,
            FailingSince = row.FailingSince,
            CreatedAt = row.CreatedAt ?? default,
        };
        subscription.Restore(row.Enabled ?? true, row.DisabledReason);
        return new SubscriptionRecord(subscription, row.ETag, row.UpdatedAt ?? default);
    }
}
