using OrgFunctions.Storage;

namespace OrgFunctions.ActivityFeed;

/// <summary>
/// One event in one org's feed (table <c>Activity</c>, PartitionKey = the feed's org: the event's own org or one of its
/// ancestors; RowKey <see cref="ActivityKeys.Row"/>, newest first). <see cref="OrgName"/> is the emitting org's name when
/// the row was written: a later rename doesn't rewrite history.
/// </summary>
public sealed class ActivityEntity : TableRow
{
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";

    /// <summary>The org that emitted the event (the feed's own org or one of its descendants).</summary>
    public string OrgId { get; set; } = "";
    public string OrgName { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The event's data, as JSON: what its webhooks carry.</summary>
    public string Data { get; set; } = "";
}

/// <summary>
/// A note that feed <see cref="TableRow.RowKey"/>'s partition received rows of one day (partition
/// <see cref="ActivityKeys.SweepPartition"/>, RowKey <c>{yyyyMMdd}:{orgId}</c>), so the retention sweep finds the
/// partitions with expired rows by reading one range instead of scanning the table.
/// </summary>
public sealed class ActivityDayEntity : TableRow
{
    public string FeedOrgId { get; set; } = "";
}
