using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Webhooks;

[Collection(Functions.WebhookEndToEndCollection.Name)]
public class FanOutServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnEventReachesItsOrgAndAncestorsWithDescendantsButNotSiblingsOwnOrgOnlyAncestorsDisabledOrOtherTypes()
    {
        var app = new WebhookApp(azurite);
        var (root, _) = await app.Orgs.Trees.RootAsync();
        var child = await app.Orgs.Trees.ChildAsync(root);
        var sibling = await app.Orgs.Trees.ChildAsync(root);
        var grandchild = await app.Orgs.Trees.ChildAsync(child);
        var expected = new[]
        {
            await SubscribeAsync(app, grandchild, ["*"]),
            await SubscribeAsync(app, child, ["org.updated"]),
            await SubscribeAsync(app, root, ["*"]),
        };
        var excluded = new[]
        {
            await SubscribeAsync(app, root, ["*"], includeDescendants: false),
            await SubscribeAsync(app, sibling, ["*"]),
            await SubscribeAsync(app, child, ["role.created"]),
            await SubscribeAsync(app, root, ["*"], enabled: false),
        };
        await DrainAsync(app, root);

        await AddEventsAsync(app, root, grandchild.Org.Path, 1);
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);

        var subscriptions = app.Sent.Select(m => DeliveryMessageOf(m).SubscriptionId).ToList();
        Assert.Equal(expected.Order(), subscriptions.Order());
        Assert.DoesNotContain(subscriptions, excluded.Contains);
        Assert.All(app.Sent, m => Assert.EndsWith("-1", m.MessageId));
        Assert.Empty(await PendingEventsAsync(app, root));
    }

    [Fact]
    public async Task AFanOutThatCrashedHalfwayIsFinishedByTheNextRunWithoutSendingAnythingTwice()
    {
        var app = new WebhookApp(azurite, ("Webhooks:FanOutParallelism", "1"));
        var (root, _) = await app.Orgs.Trees.RootAsync();
        var subscriptions = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            subscriptions.Add(await SubscribeAsync(app, root, ["*"]));
        }
        await DrainAsync(app, root);
        await AddEventsAsync(app, root, root.Org.Path, 2);

        app.FailAfter = 3;
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);
        Assert.Equal(3, app.Sent.Count);
        Assert.Equal(2, (await PendingEventsAsync(app, root)).Count);

        app.FailAfter = null;
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);

        var ids = app.Sent.Select(m => m.MessageId!).ToList();
        Assert.Equal(10, ids.Count);
        Assert.Equal(10, ids.Distinct().Count());
        Assert.Empty(await PendingEventsAsync(app, root));
        foreach (var subscription in subscriptions)
        {
            var (deliveries, _) = await app.Get<DeliveryLog>().PageAsync(subscription, null, 10, null, default);
            var updates = deliveries.Where(d => d.EventType == EventTypes.OrgUpdated).ToList();
            Assert.Equal(2, updates.Count);
            foreach (var d in updates)
            {
                Assert.True(await app.Get<DeliveryLog>().WasEnqueuedAsync(d, default));
            }
        }
    }

    [Fact]
    public async Task WritersMarkTheirTreeAndTheFanOutFindsItThroughTheMark()
    {
        var app = new WebhookApp(azurite);
        var (root, _) = await app.Orgs.Trees.RootAsync();
        var subscription = await SubscribeAsync(app, root, ["org.created"]);

        var marks = await PendingTrees.ListAsync(app.Orgs.Tables.Index, default);
        Assert.Contains(marks, m => m.RowKey == root.Org.Path.RootId.Value);
        await app.Get<FanOutService>().RunAsync(default);

        Assert.Contains(app.Sent, m => DeliveryMessageOf(m).SubscriptionId == subscription);
        Assert.Empty(await PendingEventsAsync(app, root));
    }

    internal static async Task<string> SubscribeAsync(WebhookApp app, OrgRecord org, string[] events, bool includeDescendants = true,
        bool enabled = true, string url = "https://127.0.0.1/hook")
    {
        var subscription = new WebhookSubscription
        {
            Id = WebhookSubscription.NewId(),
            OrgPath = org.Org.Path,
            Url = EndpointUrl.Parse(url, allowHttp: true),
            Selection = new EventSelection(events, includeDescendants),
            Secret = WebhookSecret.Generate(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        if (!enabled)
        {
            subscription.Disable("test");
        }
        await app.Get<SubscriptionStore>().AddAsync(subscription, default);
        return subscription.Id;
    }

    /// <summary>Fans out whatever the tree already has (sign-up events), then forgets what was sent.</summary>
    internal static async Task DrainAsync(WebhookApp app, OrgRecord root)
    {
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);
        app.Sent.Clear();
    }

    internal static async Task AddEventsAsync(WebhookApp app, OrgRecord root, OrgPath at, int count)
    {
        var factory = app.Orgs.Get<EventFactory>();
        var tree = root.Org.Path.RootId.Value;
        await PendingTrees.MarkAsync(app.Orgs.Tables.Index, tree, default);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await app.Orgs.Tables.Orgs.SubmitTransactionAsync(chunk.Select(i => OutboxRows.Add(tree,
                factory.Create(EventTypes.OrgUpdated, at.OrgId.Value, "test", new JsonObject { ["n"] = i }))).ToList());
        }
    }

    internal static async Task<List<TableEntity>> PendingEventsAsync(WebhookApp app, OrgRecord root)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {root.Org.Path.RootId.Value} and RowKey ge {RowKeys.EventPrefix} and RowKey lt {RowKeys.PrefixEnd(RowKeys.EventPrefix)}");
        var rows = new List<TableEntity>();
        await foreach (var row in app.Orgs.Tables.Orgs.QueryAsync<TableEntity>(filter))
        {
            if (row.GetString(OutboxRows.FanOutColumn) == OutboxRows.FanOutPending)
            {
                rows.Add(row);
            }
        }
        return rows;
    }

    internal static DeliveryMessage DeliveryMessageOf(Azure.Messaging.ServiceBus.ServiceBusMessage m) =>
        m.Body.ToObjectFromJson<DeliveryMessage>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
}
