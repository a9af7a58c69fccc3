using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Functions.ActivityFeed;

/// <summary>
/// GET /api/orgs/{orgId}/activity over HTTP: a tree root → child → grandchild and root → sibling, each org changed once
/// over the API (org.updated), the outbox fanned out, then feeds read with the root's and the child's keys.
/// </summary>
public class ActivityFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private AppHost _app = null!;
    private OrgApp _orgs = null!;
    private OrgRecord _root = null!, _child = null!, _grandchild = null!, _sibling = null!;
    private string _rootKey = "", _childKey = "";

    public async Task InitializeAsync()
    {
        _app = await AppHost.StartAsync(azurite);
        _orgs = new OrgApp(azurite);
        (_root, _) = await _orgs.Trees.RootAsync();
        _child = await _orgs.Trees.ChildAsync(_root, "Child " + Guid.NewGuid().ToString("N")[..6]);
        _grandchild = await _orgs.Trees.ChildAsync(_child);
        _sibling = await _orgs.Trees.ChildAsync(_root);
        _rootKey = await _orgs.Trees.KeyAsync(_root);
        _childKey = await _orgs.Trees.KeyAsync(_child);
        foreach (var org in new[] { _root, _child, _grandchild, _sibling })
        {
            var patched = await HttpAnswer.SendAsync(_app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{org.Org.Id}", _rootKey,
                new { description = "Changed " + org.Org.Name.Value }));
            Assert.Equal(HttpStatusCode.OK, patched.Status);
        }
        await FanOutAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task FanOutAsync() => _app.Services.GetRequiredService<FanOutService>().FanOutTreeAsync(_root.Org.Path.RootId.Value, default);

    private async Task<HttpAnswer> GetAsync(string orgId, string key, string query = "") =>
        await HttpAnswer.SendAsync(_app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/activity{query}", key));

    private static List<JsonElement> Items(HttpAnswer answer) => answer.Json.GetProperty("items").EnumerateArray().ToList();

    private static IEnumerable<string> OrgsOf(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("orgId").GetString()!).Distinct();

    [Fact]
    public async Task AParentSeesItsOwnAndEveryDescendantsEventsNewestFirstWithTheirOrgsNames()
    {
        var answer = await GetAsync(_root.Org.Id.Value, _rootKey, "?maxPerPage=200");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var items = Items(answer);
        var updates = items.Where(i => i.GetProperty("type").GetString() == "org.updated").ToList();
        Assert.Equal(new[] { _root, _child, _grandchild, _sibling }.Select(o => o.Org.Id.Value).Order(), OrgsOf(updates).Order());
        var times = items.Select(i => i.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        var child = updates.Single(i => i.GetProperty("orgId").GetString() == _child.Org.Id.Value);
        Assert.Equal(_child.Org.Name.Value, child.GetProperty("orgName").GetString());
        Assert.StartsWith("evt_", child.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(child.GetProperty("actor").GetString()));
        Assert.Equal(JsonValueKind.Object, child.GetProperty("data").ValueKind);
        // Sign-up's events and the key issued for the test are there too, and a key's secret never is.
        Assert.Contains(items, i => i.GetProperty("type").GetString() == "org.created");
        Assert.Contains(items, i => i.GetProperty("type").GetString() == "apikey.created");
        Assert.DoesNotContain(_rootKey, answer.Body);
        Assert.DoesNotContain(_childKey, answer.Body);
    }

    [Fact]
    public async Task AChildsFeedHasItsSubtreeOnlyAndNeverASiblingsOrAnAncestorsEvent()
    {
        var own = await GetAsync(_child.Org.Id.Value, _childKey, "?maxPerPage=200");
        var fromRoot = await GetAsync(_child.Org.Id.Value, _rootKey, "?maxPerPage=200");

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(new[] { _child, _grandchild }.Select(o => o.Org.Id.Value).Order(), OrgsOf(Items(own)).Order());
        Assert.Equal(own.Body, fromRoot.Body);
    }

    [Fact]
    public async Task AnAncestorsOrASiblingsFeedIsA404LikeAMissingOrgs()
    {
        var ancestor = await GetAsync(_root.Org.Id.Value, _childKey);
        var sibling = await GetAsync(_sibling.Org.Id.Value, _childKey);
        var missing = await GetAsync(Domain.Orgs.OrgId.New().Value, _childKey);

        Assert.Equal(HttpStatusCode.NotFound, ancestor.Status);
        Assert.Equal(missing.Body, ancestor.Body);
        Assert.Equal(missing.Body, sibling.Body);
    }

    [Fact]
    public async Task IncludeDescendantsFalseKeepsTheOrgsOwnEvents()
    {
        var answer = await GetAsync(_root.Org.Id.Value, _rootKey, "?includeDescendants=false&maxPerPage=200");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([_root.Org.Id.Value], OrgsOf(Items(answer)));
    }

    [Fact]
    public async Task TypesSelectByExactTypeOrPrefix()
    {
        var keys = await GetAsync(_root.Org.Id.Value, _rootKey, "?types=apikey.*&maxPerPage=200");
        var mixed = await GetAsync(_root.Org.Id.Value, _rootKey, "?types=org.updated,apikey.created&maxPerPage=200");
        var all = await GetAsync(_root.Org.Id.Value, _rootKey, "?types=*&maxPerPage=200");
        var none = await GetAsync(_root.Org.Id.Value, _rootKey, "?maxPerPage=200");

        string TypeOf(JsonElement i) => i.GetProperty("type").GetString()!;
        var everything = Items(none);
        Assert.Equal(["apikey.created"], Items(keys).Select(TypeOf).Distinct());
        Assert.Equal(everything.Where(i => TypeOf(i) == "apikey.created").Select(i => i.GetProperty("id").GetString()),
            Items(keys).Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["apikey.created", "org.updated"], Items(mixed).Select(TypeOf).Distinct().Order());
        Assert.Equal(everything.Count(i => TypeOf(i) is "apikey.created" or "org.updated"), Items(mixed).Count);
        Assert.True(everything.Count > Items(mixed).Count);
        Assert.Equal(none.Body, all.Body);
    }

    [Fact]
    public async Task SinceAndUntilBoundTheTimeWindow()
    {
        var patched = await HttpAnswer.SendAsync(_app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{_grandchild.Org.Id}", _rootKey,
            new { description = "Once more" }));
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        await FanOutAsync();
        var items = Items(await GetAsync(_root.Org.Id.Value, _rootKey, "?maxPerPage=200"));
        var times = items.Select(i => i.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        var middle = times[times.Count / 2];
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("o", System.Globalization.CultureInfo.InvariantCulture));

        var since = Items(await GetAsync(_root.Org.Id.Value, _rootKey, $"?since={At(middle)}&maxPerPage=200"));
        var until = Items(await GetAsync(_root.Org.Id.Value, _rootKey, $"?until={At(middle)}&maxPerPage=200"));
        var both = Items(await GetAsync(_root.Org.Id.Value, _rootKey, $"?since={At(times[^1])}&until={At(times[0])}&maxPerPage=200"));

        Assert.Equal(times.Where(t => t >= middle), since.Select(i => i.GetProperty("occurredAt").GetDateTimeOffset()));
        Assert.Equal(times.Where(t => t < middle), until.Select(i => i.GetProperty("occurredAt").GetDateTimeOffset()));
        Assert.Equal(times.Where(t => t < times[0]), both.Select(i => i.GetProperty("occurredAt").GetDateTimeOffset()));
        Assert.Equal(items.Count, since.Count + until.Count);
    }

    [Fact]
    public async Task PagesFollowEachOtherWithoutGapsOrRepeats()
    {
        var everything = Items(await GetAsync(_root.Org.Id.Value, _rootKey, "?maxPerPage=200")).Select(i => i.GetProperty("id").GetString()).ToList();
        var paged = new List<string?>();
        string? token = null;
        var pages = 0;
        do
        {
            var answer = await GetAsync(_root.Org.Id.Value, _rootKey,
                "?maxPerPage=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            paged.AddRange(Items(answer).Select(i => i.GetProperty("id").GetString()));
            token = answer.Json.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.True(everything.Count > 4, $"{everything.Count} events");
        Assert.Equal(everything, paged);
    }

    [Fact]
    public async Task BadParametersAreA400ProblemNamingEachBeforeTheOrgIsLookedUp()
    {
        var missingOrg = Domain.Orgs.OrgId.New().Value;
        var cases = new Dictionary<string, string[]>
        {
            ["?types=Org.*"] = ["types"],
            ["?types=org.updated,nosuch.*"] = ["types"],
            ["?types=org.*,org*"] = ["types"],
            ["?since=yesterday"] = ["since"],
            ["?until=2026-13-01"] = ["until"],
            ["?since=2026-12-05T10:00:00Z&until=2026-12-05T09:00:00Z"] = ["since"],
            ["?includeDescendants=maybe"] = ["includeDescendants"],
            ["?types=x.&since=12/05/2026&until=now&includeDescendants=1&maxPerPage=0&continuationToken=%21"] =
                ["continuationToken", "includeDescendants", "maxPerPage", "since", "types", "until"],
        };
        foreach (var (query, fields) in cases)
        {
            foreach (var orgId in new[] { _root.Org.Id.Value, missingOrg })
            {
                var answer = await GetAsync(orgId, _rootKey, query);

                Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{query}: {answer}");
                Assert.Equal("application/problem+json", answer.MediaType);
                Assert.Equal(fields, answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
            }
        }
    }

    [Fact]
    public async Task AKeyWithoutReportsReadIsRefused()
    {
        var member = await _orgs.Trees.KeyAsync(_root, SystemRoles.MemberId);

        var answer = await GetAsync(_root.Org.Id.Value, member);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
    }
}
