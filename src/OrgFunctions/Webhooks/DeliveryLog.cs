using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

/// <summary>
/// Reads and writes delivery rows; every update is conditional on the row's ETag. Beside them, in a partition of their
/// own per subscription, the fan-out's marks of first messages sent (<see cref="MarkEnqueuedAsync"/>).
/// </summary>
public sealed class DeliveryLog(WebhookTables tables, TimeProvider clock)
{
    /// <summary>Adds the delivery; an existing one (a re-run of the fan-out) is returned as stored.</summary>
    public async Task<DeliveryRecord> AddOrGetAsync(DeliveryRecord delivery, CancellationToken cancellationToken) =>
        await TryAddAsync(delivery, cancellationToken) ? delivery
            : await GetAsync(delivery.SubscriptionId, delivery.DeliveryId, cancellationToken)
              ?? throw new InvalidOperationException("A delivery that exists could not be read.");

    /// <summary>Adds the delivery (its ETag set); false when it exists already.</summary>
    public async Task<bool> TryAddAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        try
        {
            var response = await tables.Deliveries.AddEntityAsync(delivery.ToEntity(clock.GetUtcNow()), cancellationToken);
            delivery.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Records that the first message of <paramref name="delivery"/> is on the queue, in a row of its own (partition
    /// <c>{subscriptionId}:enqueued</c>) so the delivery row's ETag — which that message carries — stays as it was.
    /// </summary>
    public async Task MarkEnqueuedAsync(DeliveryRecord delivery, CancellationToken cancellationToken) =>
        await tables.Deliveries.UpsertEntityAsync(new TableEntity(EnqueuedPartition(delivery.SubscriptionId), delivery.DeliveryId),
            TableUpdateMode.Replace, cancellationToken);

    /// <summary>Whether the first message was sent: marked, or the row shows it (a legacy mark, an attempt, a status).</summary>
    public async Task<bool> WasEnqueuedAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        if (delivery.Enqueued || delivery.Status != DeliveryStatus.Pending || delivery.Attempts.Count > 0 || delivery.Round > 1)
        {
            return true;
        }
        var mark = await tables.Deliveries.GetEntityIfExistsAsync<TableEntity>(EnqueuedPartition(delivery.SubscriptionId),
            delivery.DeliveryId, ["PartitionKey"], cancellationToken);
        return mark.HasValue;
    }

    public static string EnqueuedPartition(string subscriptionId) => subscriptionId + ":enqueued";

    public async Task<DeliveryRecord?> GetAsync(string subscriptionId, string deliveryId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Deliveries.GetEntityIfExistsAsync<DeliveryEntity>(subscriptionId, deliveryId, cancellationToken: cancellationToken);
        return row.HasValue ? DeliveryRecord.Read(row.Value!) : null;
    }

    /// <summary>Writes the record if nobody changed it since it was read; false when someone did.</summary>
    public async Task<bool> TryUpdateAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Deliveries.UpdateEntityAsync(delivery.ToEntity(clock.GetUtcNow()), delivery.ETag,
                TableUpdateMode.Replace, cancellationToken);
            delivery.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the latest version, re-reading on a concurrent write. Null when the delivery
    /// is missing or <paramref name="change"/> declined (returned false).
    /// </summary>
    public async Task<DeliveryRecord?> UpdateAsync(string subscriptionId, string deliveryId, Func<DeliveryRecord, bool> change,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < 5; i++)
        {
            var current = await GetAsync(subscriptionId, deliveryId, cancellationToken);
            if (current is null)
            {
                return null;
            }
            if (!change(current))
            {
                return null;
            }
            if (await TryUpdateAsync(current, cancellationToken))
            {
                return current;
            }
        }
        throw new InvalidOperationException($"Delivery {deliveryId} kept changing; giving up this update.");
    }

    public async Task<(IReadOnlyList<DeliveryRecord> Items, string? ContinuationToken)> PageAsync(string subscriptionId,
        DeliveryStatus? status, int maxPerPage, string? continuationToken, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {subscriptionId}");
        if (status is { } s)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {s.ToName()}");
        }
        await foreach (var page in tables.Deliveries.QueryAsync<DeliveryEntity>(filter, maxPerPage, cancellationToken: cancellationToken)
                           .AsPages(continuationToken, maxPerPage))
        {
            return (page.Values.Select(DeliveryRecord.Read).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }
}
