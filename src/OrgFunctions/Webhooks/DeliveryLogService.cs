using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Http;

namespace OrgFunctions.Webhooks;

/// <summary>A subscription's delivery log (newest first, by status) and manual redelivery.</summary>
public sealed class DeliveryLogService(SubscriptionService subscriptions, DeliveryLog log, DeliveryQueue queue)
{
    public static readonly PageLimits Paging = new(DefaultSize: 50, MaxSize: 200);

    public async Task<Outcome<ListPage<DeliveryView>>> ListAsync(OrgScope scope, string id, string? status, PageRequest page,
        CancellationToken cancellationToken)
    {
        var found = await subscriptions.GetAsync(scope, id, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        DeliveryStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!DeliveryStatusNames.TryParse(status, out var parsed))
            {
                return Failure.Field("status", "must be pending, retrying, succeeded, failed or cancelled");
            }
            wanted = parsed;
        }
        var (items, next) = await log.PageAsync(found.Value!.Subscription.Id, wanted, page.Size, page.StorageToken, cancellationToken);
        return new ListPage<DeliveryView>(items.Select(DeliveryView.From).ToList(), next);
    }

    /// <summary>
    /// Sends a delivery again from its first attempt, with the same <c>webhook-id</c> and body. A new round makes the
    /// messages of an earlier round (still scheduled) no-ops: the handler reads the row before sending any message but a
    /// first attempt of round 1 (ADR 0027), and its write, conditional on the ETag its message carries, fails on the
    /// row this redelivery rewrote.
    /// </summary>
    public async Task<Outcome<DeliveryView>> RedeliverAsync(OrgScope scope, string id, string deliveryId,
        CancellationToken cancellationToken)
    {
        var found = await subscriptions.GetAsync(scope, id, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        if (!found.Value!.Subscription.Enabled)
        {
            return new Failure.Conflict("The subscription is disabled; enable it first.");
        }
        if (!DeliveryId.IsWellFormed(deliveryId))
        {
            return new Failure.NotFound("delivery");
        }
        var delivery = await log.UpdateAsync(id, deliveryId, d =>
        {
            d.Round++;
            d.RoundAttempts = 0;
            d.Status = DeliveryStatus.Pending;
            d.NextAttemptAt = null;
            return true;
        }, cancellationToken);
        if (delivery is null)
        {
            return new Failure.NotFound("delivery");
        }
        await queue.EnqueueAsync(delivery, 1, cancellationToken);
        return DeliveryView.From(delivery);
    }
}
