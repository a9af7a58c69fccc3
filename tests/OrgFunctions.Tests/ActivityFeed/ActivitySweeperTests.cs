using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrgFunctions.ActivityFeed;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.ActivityFeed;

/// <summary>The retention sweep deletes feed rows older than Activity:RetentionDays, finding them through the day marks.</summary>
public class ActivitySweeperTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RowsOlderThanTheRetentionAreDeletedAndNewerOnesKept()
    {
        // Each test's own table service on its own table would be cleaner, but the sweep reads one shared marks partition:
        // other tests' marks are of today, never before the cutoff, so they aren't touched here.
        var tables = new ActivityTables(new TableServiceClient(azurite.ConnectionString));
        var now = DateTimeOffset.UtcNow;
        var (busy, quiet) = (OrgId.New().Value, OrgId.New().Value);
        var expired = new List<DomainEvent>();
        for (var i = 0; i < 230; i++)
        {
            expired.Add(Event(busy, now.AddDays(-100).AddMinutes(i)));
        }
        expired.Add(Event(quiet, now.AddDays(-95)));
        var kept = new[] { Event(busy, now.AddDays(-80)), Event(quiet, now.AddDays(-1)) };
        await WriteAsync(tables, now.AddDays(-100), expired);
        await WriteAsync(tables, now, kept);

        var result = await Sweeper(tables, now, retentionDays: 90).SweepAsync(default);

        Assert.True(result.Finished);
        Assert.True(result.Deleted >= expired.Count, $"{result.Deleted} deleted");
        Assert.Equal([kept[0].Id], (await ActivityFeedWriterTests.FeedAsync(tables, busy)).Select(r => r.EventId));
        Assert.Equal([kept[1].Id], (await ActivityFeedWriterTests.FeedAsync(tables, quiet)).Select(r => r.EventId));
        var marks = await MarksAsync(tables, busy, quiet);
        Assert.DoesNotContain(marks, m => m.StartsWith(Day(now.AddDays(-100)), StringComparison.Ordinal));
        Assert.Contains(ActivityKeys.DayMark(now.AddDays(-80), busy), marks);
        Assert.Contains(ActivityKeys.DayMark(now.AddDays(-1), quiet), marks);
    }

    [Fact]
    public async Task ASweepWithNothingExpiredDeletesNothing()
    {
        var tables = new ActivityTables(new TableServiceClient(azurite.ConnectionString));
        var now = DateTimeOffset.UtcNow;
        var feed = OrgId.New().Value;
        var recent = Event(feed, now.AddDays(-89));
        await WriteAsync(tables, now, [recent]);

        await Sweeper(tables, now, retentionDays: 90).SweepAsync(default);

        Assert.Equal([recent.Id], (await ActivityFeedWriterTests.FeedAsync(tables, feed)).Select(r => r.EventId));
    }

    private static ActivitySweeper Sweeper(ActivityTables tables, DateTimeOffset now, int retentionDays) =>
        new(tables, Options.Create(new ActivityOptions { RetentionDays = retentionDays }), new FrozenClock(now), NullLogger<ActivitySweeper>.Instance);

    private static async Task WriteAsync(ActivityTables tables, DateTimeOffset at, IEnumerable<DomainEvent> events)
    {
        var writer = new ActivityFeedWriter(tables, Options.Create(new ActivityOptions()), new FrozenClock(at));
        foreach (var e in events)
        {
            Assert.True(await writer.WriteAsync(e, "Org", [e.OrgId], default));
        }
    }

    private static DomainEvent Event(string orgId, DateTimeOffset at) =>
        new("evt_" + Guid.NewGuid().ToString("N"), EventTypes.OrgUpdated, orgId, at, "test", []);

    private static async Task<List<string>> MarksAsync(ActivityTables tables, params string[] feeds)
    {
        var marks = new List<string>();
        await foreach (var mark in tables.Feed.QueryAsync<ActivityDayEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ActivityKeys.SweepPartition}")))
        {
            if (feeds.Contains(mark.FeedOrgId))
            {
                marks.Add(mark.RowKey);
            }
        }
        return marks;
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
