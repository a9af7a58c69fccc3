using System.Security.Cryptography;
using System.Text;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// The id of one event's delivery to one subscription, and the <c>webhook-id</c> of every attempt of it.
/// Deterministic, so a re-run of the fan-out finds the same delivery (and Service Bus the same message id); it starts
/// with the inverted event time, so a subscription's deliveries sort newest first.
/// </summary>
public static class DeliveryId
{
    public const string Prefix = "msg_";

    public static string For(string eventId, DateTimeOffset occurredAt, string subscriptionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(eventId + "\n" + subscriptionId));
        var inverted = DateTimeOffset.MaxValue.UtcTicks - occurredAt.UtcTicks;
        return $"{Prefix}{inverted:D19}{Convert.ToHexStringLower(hash, 0, 12)}";
    }

    /// <summary>The inverted time's 19 digits and 24 hex digits of the hash, after the prefix.</summary>
    public static bool IsWellFormed(string? id) => ItemIds.IsMinted(id, Prefix, 43);
}
