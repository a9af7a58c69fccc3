using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.ActivityFeed;

/// <summary>
/// Writes an event into the feed of its org and of each of its ancestors (at most <c>Provisioning:MaxDepth</c> + 1
/// upserts), so any org's feed, with its whole subtree's events, is one partition. Upserts keyed by event id: writing
/// the same event again (a retried fan-out) changes nothing. Each feed's day mark is written before its row, so the
/// retention sweep finds every row. An event already older than the retention isn't written: the sweep has deleted, or
/// may be deleting, its day's marks.
/// </summary>
public sealed class ActivityFeedWriter(ActivityTables tables, IOptions<ActivityOptions> options, TimeProvider clock)
{
    private const int MaxRememberedMarks = 10_000;

    // The day marks this process has written: a mark costs one upsert per feed and day, not one per event.
    // Forgotten at each UTC midnight, when the sweep's cutoff day moves on.
    private readonly ConcurrentDictionary<string, bool> _marked = new(StringComparer.Ordinal);
    private DateTime _markedDay;

    /// <summary>
    /// The feeds an event of <paramref name="orgId"/> goes to: the org's and each ancestor's, root first. When the org
    /// can't be located (<paramref name="path"/> null), its own and its tree root's, the only ones sure to be concerned.
    /// </summary>
    public static IReadOnlyList<string> FeedsOf(string orgId, string treeId, OrgPath? path) =>
        path is not null ? path.Ids.Select(id => id.Value).ToList() : new[] { treeId, orgId }.Distinct(StringComparer.Ordinal).ToList();

    /// <returns>False when the event is older than the retention and was not written.</returns>
    public async Task<bool> WriteAsync(DomainEvent e, string orgName, IReadOnlyList<string> feeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(feeds);
        var now = clock.GetUtcNow();
        if (e.OccurredAt < now - options.Value.Retention)
        {
            return false;
        }
        if (now.UtcDateTime.Date != _markedDay)
        {
            _marked.Clear();
            _markedDay = now.UtcDateTime.Date;
        }
        await tables.EnsureCreatedAsync();
        await Task.WhenAll(feeds.Select(feed => MarkDayAsync(feed, e.OccurredAt, cancellationToken)));
        var data = e.Data.ToJsonString();
        await Task.WhenAll(feeds.Select(feed => tables.Feed.UpsertEntityAsync(new ActivityEntity
        {
            PartitionKey = feed,
            RowKey = ActivityKeys.Row(e.OccurredAt, e.Id),
            EventId = e.Id,
            Type = e.Type,
            OrgId = e.OrgId,
            OrgName = orgName,
            Actor = e.Actor,
            OccurredAt = e.OccurredAt,
            Data = data,
        }, TableUpdateMode.Replace, cancellationToken)));
        return true;
    }

    private async Task MarkDayAsync(string feed, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var key = ActivityKeys.DayMark(occurredAt, feed);
        if (_marked.ContainsKey(key))
        {
            return;
        }
        await tables.Feed.UpsertEntityAsync(new ActivityDayEntity { PartitionKey = ActivityKeys.SweepPartition, RowKey = key, FeedOrgId = feed },
            TableUpdateMode.Replace, cancellationToken);
        if (_marked.Count >= MaxRememberedMarks)
        {
            _marked.Clear();
        }
        _marked[key] = true;
    }
}
