using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.ActivityFeed;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Webhooks;

/// <summary>
/// Turns outbox events into deliveries: for each tree marked as having pending events, each pending event, each
/// enabled subscription of the tree that selects it (its org, or an ancestor with includeDescendants): the delivery row
/// (added idempotently, deterministic id), then its message (deterministic id), then an enqueued mark. The event
/// is marked done only after all of its deliveries are enqueued, so a run that crashed halfway is finished by the
/// next: deliveries already enqueued are skipped, the rest are sent. Before its deliveries, each event is written to the
/// activity feeds of its org and its ancestors (<see cref="ActivityFeedWriter"/>, idempotent), so the feed gets every
/// event at least once too.
/// </summary>
public sealed class FanOutService(WebhookTables tables, SubscriptionStore subscriptions, OrgStore orgs, DeliveryLog log,
    DeliveryQueue queue, ActivityFeedWriter activity, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<FanOutService> logger)
{
    public sealed record Result(int Trees, int Events, int Deliveries);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var (trees, eventCount, deliveries) = (0, 0, 0);
        foreach (var mark in await PendingTrees.ListAsync(tables.Index, cancellationToken))
        {
            var (e, d, pending) = await FanOutTreeAsync(mark.RowKey, cancellationToken);
            trees++;
            eventCount += e;
            deliveries += d;
            if (!pending)
            {
                await PendingTrees.ClearIfIdleAsync(tables.Index, mark, clock.GetUtcNow(), cancellationToken);
            }
        }
        return new Result(trees, eventCount, deliveries);
    }

    /// <returns>Events fanned out, deliveries enqueued, and whether events are still pending (a failure).</returns>
    public async Task<(int Events, int Deliveries, bool Pending)> FanOutTreeAsync(string treeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = new List<EventEntity>();
        var filter = RowKeys.PrefixFilter(treeId, RowKeys.EventPrefix);
        await foreach (var row in tables.Orgs.QueryAsync<EventEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.FanOut == OutboxRows.FanOutPending)
            {
                pending.Add(row);
            }
            else if (now - row.OccurredAt > options.Value.OutboxRetention)
            {
                await DeleteQuietlyAsync(row, cancellationToken);
            }
        }
        if (pending.Count == 0)
        {
            return (0, 0, false);
        }

        var subscribers = (await subscriptions.ListAsync(treeId, null, cancellationToken))
            .Select(r => r.Subscription).Where(s => s.Enabled).ToList();
        var origins = new Dictionary<string, Origin>(StringComparer.Ordinal);
        var (events, deliveries, failed) = (0, 0, false);
        foreach (var row in pending)
        {
            try
            {
                var e = OutboxRows.Read(row);
                var origin = await OriginOfAsync(treeId, e.OrgId, origins, cancellationToken);
                var eventPath = origin.Path;
                await activity.WriteAsync(e, origin.Name, ActivityFeedWriter.FeedsOf(e.OrgId, treeId, eventPath), cancellationToken);
                var targets = subscribers.Where(s => Selects(s, e, eventPath)).ToList();
                deliveries += await EnqueueAllAsync(e, targets, cancellationToken);
                await MarkDoneAsync(row, cancellationToken);
                events++;
            }
            catch (Exception ex) when (ex is RequestFailedException or Azure.Messaging.ServiceBus.ServiceBusException)
            {
                // Left pending: the next run finishes it (deliveries already enqueued are skipped).
                logger.LogWarning(ex, "Fan-out of outbox row {RowKey} in tree {TreeId} failed; it stays pending", row.RowKey, treeId);
                failed = true;
            }
        }
        return (events, deliveries, failed);
    }

    private async Task<int> EnqueueAllAsync(DomainEvent e, IReadOnlyList<WebhookSubscription> targets, CancellationToken cancellationToken)
    {
        var enqueued = 0;
        await Parallel.ForEachAsync(targets,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.FanOutParallelism), CancellationToken = cancellationToken },
            async (subscription, ct) =>
            {
                var delivery = Deliveries.For(e, subscription, clock.GetUtcNow());
                if (!await log.TryAddAsync(delivery, ct))
                {
                    // A re-run after a crash: the row exists; its first message may have gone already.
                    var existing = await log.GetAsync(delivery.SubscriptionId, delivery.DeliveryId, ct);
                    if (existing is null || await log.WasEnqueuedAsync(existing, ct))
                    {
                        return;
                    }
                    delivery = existing;
                }
                // The message carries the row and its ETag (the handler writes once, conditional on it), so the mark that
                // it was sent goes to a row of its own. If the mark is lost (crash), a re-run sends the first message
                // again: same message id (Service Bus drops it), and the handler's conditional write keeps the log whole.
                await queue.EnqueueAsync(delivery, 1, ct);
                await log.MarkEnqueuedAsync(delivery, ct);
                Interlocked.Increment(ref enqueued);
            });
        return enqueued;
    }

    private static bool Selects(WebhookSubscription s, DomainEvent e, OrgPath? eventPath)
    {
        if (!s.Selection.MatchesType(e.Type))
        {
            return false;
        }
        if (eventPath is not null)
        {
            return s.Selection.MatchesOrg(s.OrgPath, eventPath);
        }
        // The event's org can no longer be located: only its own subscriptions and the root's (every org of the
        // tree is beneath the root) are sure to be concerned.
        return s.OrgPath.OrgId.Value == e.OrgId || (s.OrgPath.IsRoot && s.Selection.IncludeDescendants);
    }

    /// <summary>Where an event's org is (null when it can't be located in the tree) and its name, for the activity feed.</summary>
    private sealed record Origin(OrgPath? Path, string Name);

    private async Task<Origin> OriginOfAsync(string treeId, string orgId, Dictionary<string, Origin> cache, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(orgId, out var origin))
        {
            var location = await orgs.LocateAsync(orgId, cancellationToken);
            var path = location is not null && location.Path.RootId.Value == treeId ? location.Path : null;
            var org = path is null ? null : await orgs.GetAsync(location!, cancellationToken, includeDeleted: true);
            cache[orgId] = origin = new Origin(path, org?.Org.Name.Value ?? "");
        }
        return origin;
    }

    private async Task MarkDoneAsync(EventEntity row, CancellationToken cancellationToken)
    {
        await tables.Orgs.UpdateEntityAsync(OutboxRows.FannedOut(row, clock.GetUtcNow()), ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    private async Task DeleteQuietlyAsync(EventEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Orgs.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Retention is best effort: the next run tries again.
        }
    }
}
