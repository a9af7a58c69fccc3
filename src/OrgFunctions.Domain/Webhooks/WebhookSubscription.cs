using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// A callback URL registered on an org, the events it wants, and the secrets that sign what it is sent. After a
/// rotation the previous secret signs too, until <see cref="PreviousSecretExpiresAt"/>, so a receiver can switch over.
/// </summary>
public sealed class WebhookSubscription
{
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);
    public const int MaxDescriptionLength = 500;

    public required string Id { get; init; }
    public required OrgPath OrgPath { get; init; }
    public required EndpointUrl Url { get; set; }
    public required EventSelection Selection { get; set; }
    public string? Description { get; set; }
    public bool Enabled { get; private set; } = true;
    public string? DisabledReason { get; private set; }
    public required WebhookSecret Secret { get; set; }
    public WebhookSecret? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public DateTimeOffset? FailingSince { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static string NewId() => "wh_" + Guid.NewGuid().ToString("N");

    public static bool IsWellFormedId(string? id) => ItemIds.IsMinted(id, "wh_", 32);

    /// <summary>The secrets that sign at <paramref name="now"/>: the current one, and the previous during the overlap.</summary>
    public IReadOnlyList<WebhookSecret> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];

    /// <summary>Replaces the secret; the old one keeps signing for <see cref="RotationOverlap"/>. Returns the new one.</summary>
    public WebhookSecret RotateSecret(DateTimeOffset now)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + RotationOverlap;
        Secret = WebhookSecret.Generate();
        return Secret;
    }

    public void Enable()
    {
        Enabled = true;
        DisabledReason = null;
        FailingSince = null;
    }

    public void Disable(string reason)
    {
        Enabled = false;
        DisabledReason = reason;
    }

    /// <summary>Restores state read from storage.</summary>
    public void Restore(bool enabled, string? disabledReason)
    {
        Enabled = enabled;
        DisabledReason = disabledReason;
    }
}
