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

    public static TableEntity Create(WebhookSubscription s, DateTimeOffset updatedAt, SecretCodec secrets) =>
        new(s.OrgPath.RootId.Value, WebhookTables.SubscriptionKey(s.OrgPath.OrgId, s.Id))
        {
            ["Kind"] = "webhook",
            ["SubscriptionId"] = s.Id,
            ["OrgId"] = s.OrgPath.OrgId.Value,
            ["Path"] = s.OrgPath.Value,
            ["Url"] = s.Url.Value,
            ["Events"] = JsonSerializer.Serialize(s.Selection.Types),
            ["IncludeDescendants"] = s.Selection.IncludeDescendants,
            ["Description"] = s.Description,
            ["Enabled"] = s.Enabled,
            ["DisabledReason"] = s.DisabledReason,
            ["Secret"] = secrets.Protect(SecretPurpose, s.Secret.Text),
            ["PreviousSecret"] = s.PreviousSecret is { } previous ? secrets.Protect(SecretPurpose, previous.Text) : null,
            ["PreviousSecretExpiresAt"] = s.PreviousSecretExpiresAt,
            ["FailingSince"] = s.FailingSince,
            ["CreatedAt"] = s.CreatedAt,
            ["UpdatedAt"] = updatedAt,
        };

    public static SubscriptionRecord Read(TableEntity row, SecretCodec secrets)
    {
        var subscription = new WebhookSubscription
        {
            Id = row.GetString("SubscriptionId"),
            OrgPath = OrgPath.Parse(row.GetString("Path")),
            // Stored URLs passed validation once; a later AllowHttp change must not make them unreadable.
            Url = EndpointUrl.Parse(row.GetString("Url"), allowHttp: true),
            Selection = new EventSelection(JsonSerializer.Deserialize<string[]>(row.GetString("Events")) ?? [],
                row.GetBoolean("IncludeDescendants") ?? true),
            Description = row.GetString("Description"),
            Secret = WebhookSecret.Parse(secrets.Reveal(SecretPurpose, row.GetString("Secret"))),
            PreviousSecret = row.GetString("PreviousSecret") is { } previous
                ? WebhookSecret.Parse(secrets.Reveal(SecretPurpose, previous)) : null,
            PreviousSecretExpiresAt = row.GetDateTimeOffset("PreviousSecretExpiresAt"),
            FailingSince = row.GetDateTimeOffset("FailingSince"),
            CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        };
        subscription.Restore(row.GetBoolean("Enabled") ?? true, row.GetString("DisabledReason"));
        return new SubscriptionRecord(subscription, row.ETag, row.GetDateTimeOffset("UpdatedAt") ?? default);
    }
}
