using System.Globalization;

namespace OrgFunctions.ActivityFeed;

/// <summary>
/// Keys of the <c>Activity</c> table. A feed row's RowKey is <c>{inverted ticks:D19}:{eventId}</c>: a partition lists
/// newest first, the same event written twice is one row, and a time window is one RowKey range. ':' sorts just
/// before ';', which bounds "every row of this tick".
/// </summary>
public static class ActivityKeys
{
    /// <summary>The partition of day marks (<see cref="ActivityDayEntity"/>); no org id (20 base32 characters) is this.</summary>
    public const string SweepPartition = "sweep";

    public static string Row(DateTimeOffset occurredAt, string eventId) => $"{Inverted(occurredAt):D19}:{eventId}";

    /// <summary>The lowest RowKey of an event that occurred before <paramref name="until"/> (exclusive bound on time).</summary>
    public static string OccurredBefore(DateTimeOffset until) => (Inverted(until) + 1).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The exclusive upper RowKey bound of the events that occurred at or after <paramref name="since"/>.</summary>
    public static string OccurredAtOrAfterEnd(DateTimeOffset since) => Inverted(since).ToString("D19", CultureInfo.InvariantCulture) + ";";

    /// <summary>The mark that <paramref name="feedOrgId"/>'s feed got rows that occurred on <paramref name="occurredAt"/>'s UTC day.</summary>
    public static string DayMark(DateTimeOffset occurredAt, string feedOrgId) => $"{Day(occurredAt)}:{feedOrgId}";

    /// <summary>The exclusive upper bound of the day marks of days before <paramref name="day"/>'s UTC day.</summary>
    public static string DayMarksBefore(DateTimeOffset day) => Day(day);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static long Inverted(DateTimeOffset at) => DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;
}
