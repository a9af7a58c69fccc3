using Azure;
using OrgFunctions.Access;
using OrgFunctions.Application;

namespace OrgFunctions.ActivityFeed;

/// <summary>
/// An org's activity feed: the events of the org and (unless asked otherwise) of its descendants, newest first. The
/// scope's org is the partition, so a sibling's or an ancestor's event can't be in it. A page is one range query of
/// one partition, whatever the tree's size and the feed's length.
/// </summary>
public sealed class ActivityService(ActivityTables tables)
{
    public static readonly PageLimits Paging = new(DefaultSize: 50, MaxSize: 200);

    public async Task<Outcome<ListPage<ActivityView>>> ListAsync(OrgScope scope, ActivityFilter filter, PageRequest page,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        try
        {
            await foreach (var rows in tables.Feed.QueryAsync<ActivityEntity>(filter.ToQueryFilter(scope.Org.Org.Id.Value), page.Size,
                               cancellationToken: cancellationToken).AsPages(page.StorageToken, page.Size))
            {
                return new ListPage<ActivityView>(rows.Values.Select(ActivityView.From).ToList(), rows.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No event has been recorded yet (the fan-out creates the table).
        }
        return new ListPage<ActivityView>([], null);
    }
}
