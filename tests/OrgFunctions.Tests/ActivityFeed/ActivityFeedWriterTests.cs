using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OrgFunctions.ActivityFeed;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Tests.Webhooks;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.ActivityFeed;

/// <summary>The webhook fan-out writes each outbox event to the activity feed of its org and of each ancestor, once.</summary>
[Collection(Functions.WebhookEndToEndCollection.Name)]
public class ActivityFeedWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnEventGoesToTheFeedOfItsOrgAndOfEachAncestorButNeverToASiblingsOrADescendants()
    {
        var app = new WebhookApp(azurite);
        var (root, _) = await app.Orgs.Trees.RootAsync();
        var child = await app.Orgs.Trees.ChildAsync(root, "Child " + Guid.NewGuid().ToString("N")[..6]);
        var sibling = await app.Orgs.Trees.ChildAsync(root);
        var grandchild = await app.Orgs.Trees.ChildAsync(child);
        await FanOutServiceTests.DrainAsync(app, root);

        await FanOutServiceTests.AddEventsAsync(app, root, child.Org.Path, 1);
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);

        var updates = new Dictionary<OrgRecord, List<ActivityEntity>>();
        foreach (var org in new[] { root, child, sibling, grandchild })
        {
            updates[org] = (await FeedAsync(app, org.Org.Id.Value)).Where(r => r.Type == EventTypes.OrgUpdated).ToList();
        }
        Assert.Single(updates[root]);
        Assert.Single(updates[child]);
        Assert.Empty(updates[sibling]);
        Assert.Empty(updates[grandchild]);
        var row = updates[root][0];
        Assert.Equal(updates[child][0].EventId, row.EventId);
        Assert.Equal(child.Org.Id.Value, row.OrgId);
        Assert.Equal(child.Org.Name.Value, row.OrgName);
        Assert.Equal("test", row.Actor);
        Assert.Equal(0, JsonNode.Parse(row.Data)!["n"]!.GetValue<int>());
        // Sign-up's own event reached the root's feed the same way.
        Assert.Contains(await FeedAsync(app, root.Org.Id.Value), r => r.Type == EventTypes.OrgCreated && r.OrgId == root.Org.Id.Value);
    }

    [Fact]
    public async Task AFanOutThatFailedAfterWritingTheFeedsWritesEachEventOnceWhenItIsRetried()
    {
        var app = new WebhookApp(azurite);
        var (root, _) = await app.Orgs.Trees.RootAsync();
        await FanOutServiceTests.SubscribeAsync(app, root, ["*"]);
        await FanOutServiceTests.DrainAsync(app, root);
        await FanOutServiceTests.AddEventsAsync(app, root, root.Org.Path, 3);

        app.FailAfter = 0;
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);
        Assert.Equal(3, (await FanOutServiceTests.PendingEventsAsync(app, root)).Count);
        Assert.Equal(3, (await FeedAsync(app, root.Org.Id.Value)).Count(r => r.Type == EventTypes.OrgUpdated));

        app.FailAfter = null;
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);

        Assert.Empty(await FanOutServiceTests.PendingEventsAsync(app, root));
        var feed = (await FeedAsync(app, root.Org.Id.Value)).Where(r => r.Type == EventTypes.OrgUpdated).ToList();
        Assert.Equal(3, feed.Count);
        Assert.Equal(3, feed.Select(r => r.EventId).Distinct().Count());
        Assert.Equal(feed.OrderByDescending(r => r.OccurredAt).Select(r => r.EventId), feed.Select(r => r.EventId));
    }

    [Fact]
    public async Task AnEventWhoseOrgCantBeLocatedGoesToItsOwnFeedAndItsRootsOnly()
    {
        var tables = new ActivityTables(new TableServiceClient(azurite.ConnectionString));
        var writer = new ActivityFeedWriter(tables, Options.Create(new ActivityOptions()), TimeProvider.System);
        var (tree, org) = (OrgId.New().Value, OrgId.New().Value);
        var e = new DomainEvent("evt_" + Guid.NewGuid().ToString("N"), EventTypes.OrgDeleted, org, DateTimeOffset.UtcNow, "test", []);

        var feeds = ActivityFeedWriter.FeedsOf(org, tree, null);
        await writer.WriteAsync(e, "", feeds, default);
        await writer.WriteAsync(e, "", feeds, default);

        Assert.Equal([tree, org], feeds);
        Assert.Single(await FeedAsync(tables, tree));
        Assert.Single(await FeedAsync(tables, org));
    }

    [Fact]
    public async Task AnEventOlderThanTheRetentionIsNotWritten()
    {
        var tables = new ActivityTables(new TableServiceClient(azurite.ConnectionString));
        var writer = new ActivityFeedWriter(tables, Options.Create(new ActivityOptions { RetentionDays = 30 }), TimeProvider.System);
        var feed = OrgId.New().Value;
        var old = new DomainEvent("evt_" + Guid.NewGuid().ToString("N"), EventTypes.OrgUpdated, feed, DateTimeOffset.UtcNow.AddDays(-31), "test", []);

        Assert.False(await writer.WriteAsync(old, "", [feed], default));
        Assert.Empty(await FeedAsync(tables, feed));
    }

    private static Task<List<ActivityEntity>> FeedAsync(WebhookApp app, string feed) => FeedAsync(app.Get<ActivityTables>(), feed);

    internal static async Task<List<ActivityEntity>> FeedAsync(ActivityTables tables, string feed)
    {
        await tables.EnsureCreatedAsync();
        var rows = new List<ActivityEntity>();
        await foreach (var row in tables.Feed.QueryAsync<ActivityEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {feed}")))
        {
            rows.Add(row);
        }
        return rows;
    }
}
