using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.ActivityFeed;
using OrgFunctions.Domain.Events;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Tests.Functions.Orgs;

namespace OrgFunctions.Tests.Functions.ActivityFeed;

/// <summary>
/// A feed page on the 1,000-org tree of <see cref="StorageCostFixture"/> with a long history (2,500 events spread over
/// every org and 80 days, each in its org's feed and its ancestors'): the root's page, whose feed holds every event,
/// costs exactly what a leaf's does — authentication and the org (2 index + 4 tree point reads) and one range query of
/// one partition of <c>Activity</c>, on every page, with every filter.
/// </summary>
public class ActivityStorageCostTests(StorageCostFixture cost) : IClassFixture<StorageCostFixture>, IAsyncLifetime
{
    private const int Events = 2500;
    private const string PageCost = "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Activity";

    // The history is written once per fixture (xunit makes a test class instance per test).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StorageCostFixture, Task> Histories = new();

    public Task InitializeAsync() => Histories.GetValue(cost, _ => WriteHistoryAsync());

    private async Task WriteHistoryAsync()
    {
        var writer = cost.App.Services.GetRequiredService<ActivityFeedWriter>();
        var now = cost.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var orgs = cost.Tree.All;
        await Parallel.ForEachAsync(Enumerable.Range(0, Events), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var org = orgs[i % orgs.Count];
            var e = new DomainEvent($"evt_{i:D32}", i % 3 == 0 ? EventTypes.SettingsChanged : EventTypes.OrgUpdated, org.Org.Id.Value,
                now.AddDays(-80).AddMinutes(i * 45), "key:test", new JsonObject { ["n"] = i });
            await writer.WriteAsync(e, org.Org.Name.Value, ActivityFeedWriter.FeedsOf(e.OrgId, cost.Tree.Root.Org.Id.Value, org.Org.Path), ct);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("")]
    [InlineData("&types=org.*")]
    [InlineData("&types=settings.changed,org.updated&includeDescendants=false")]
    [InlineData("&since=2020-01-01&until=2100-01-01")]
    public async Task APageCostsTheSameForTheRootAndForALeafWhateverTheTreeAndHistory(string filter)
    {
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var root = cost.Tree.Root;
        var leaf = cost.Tree.PathDown(2)[^1];
        Assert.Equal(4, leaf.Org.Path.Depth);

        var (rootItems, rootCosts) = await PagesAsync(root, key, filter);
        var (leafItems, leafCosts) = await PagesAsync(leaf, key, filter);

        Assert.All(rootCosts.Concat(leafCosts), c => Assert.Equal(PageCost, c));
        Assert.True(leafItems is > 0 and < 50, $"{leafItems} items in the leaf's feed");
        if (!filter.Contains("includeDescendants=false", StringComparison.Ordinal))
        {
            Assert.Equal(3, rootCosts.Count);
            Assert.Equal(150, rootItems);
        }
    }

    [Fact]
    public async Task TheRootsFeedHoldsEveryEventOfTheTreeAndALeafsOnlyItsOwn()
    {
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var leaf = cost.Tree.PathDown(2)[^1];

        var rootCount = await CountAsync(cost.Tree.Root, key);
        var leafCount = await CountAsync(leaf, key);

        Assert.Equal(Events, rootCount);
        Assert.Equal(Enumerable.Range(0, Events).Count(i => cost.Tree.All[i % cost.Tree.All.Count].Org.Id == leaf.Org.Id), leafCount);
    }

    /// <summary>Up to three pages of 50; each page's storage requests, described.</summary>
    private async Task<(int Items, List<string> Costs)> PagesAsync(OrgRecord org, string key, string filter)
    {
        var costs = new List<string>();
        var items = 0;
        string? token = null;
        do
        {
            var query = $"?maxPerPage=50{filter}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var (answer, requests) = await cost.MeasureAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{org.Org.Id}/activity{query}", key));
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            costs.Add(Describe(requests));
            var range = Uri.UnescapeDataString(requests.Single(r => r.Kind == StorageRequestKind.Query).Uri);
            Assert.Contains($"PartitionKey eq '{org.Org.Id}'", range);
            items += answer.Json.GetProperty("items").GetArrayLength();
            token = answer.Json.GetProperty("continuationToken").GetString();
        }
        while (token is not null && costs.Count < 3);
        return (items, costs);
    }

    private async Task<int> CountAsync(OrgRecord org, string key)
    {
        var count = 0;
        string? token = null;
        do
        {
            var query = "?maxPerPage=200" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var answer = await HttpAnswer.SendAsync(cost.App, AppHost.Request(HttpMethod.Get, $"api/orgs/{org.Org.Id}/activity{query}", key));
            count += answer.Json.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("actor").GetString() == "key:test");
            token = answer.Json.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return count;
    }

    private static string Describe(IReadOnlyList<StorageRequest> requests) =>
        string.Join(", ", requests.GroupBy(r => (r.Kind, r.Table, r.Method)).Select(g => $"{g.Count()} {g.Key.Kind} {g.Key.Method} {g.Key.Table}"));
}
