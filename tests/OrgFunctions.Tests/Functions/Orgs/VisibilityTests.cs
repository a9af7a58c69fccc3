using System.Collections.Concurrent;
using System.Net;
using OrgFunctions.Orgs;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// DESIGN §5 visibility over HTTP on generated trees: a key of org A reaches A and its descendants on every route,
/// and every other org (sibling, cousin, ancestor, other tree) answers 404 with exactly the body of a missing id.
/// Expected visibility comes from the generated parent → children links, not from paths.
/// </summary>
public class VisibilityTests(VisibilityFixture forest) : IClassFixture<VisibilityFixture>
{
    private AppHost App => forest.App;

    [Fact]
    public async Task EveryCallerReadsExactlyItsSubtreeAmongAllOrgsOfEveryTree()
    {
        var missing = await HttpAnswer.SendAsync(App, OrgRoutes.All[0].Request(VisibilityFixture.Missing(), forest.Callers[0].Key));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        var failures = new ConcurrentBag<string>();
        var checks = 0;

        foreach (var (caller, tree, key) in forest.Callers)
        {
            var visible = tree.SubtreeOf(caller).Select(o => o.Org.Id).ToHashSet();
            var all = forest.Trees.SelectMany(t => t.All).ToList();
            await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (target, _) =>
            {
                var answer = await HttpAnswer.SendAsync(App, AppHost.Request(HttpMethod.Get, $"api/orgs/{target.Org.Id}", key));
                Interlocked.Increment(ref checks);
                var ok = visible.Contains(target.Org.Id)
                    ? answer.Status == HttpStatusCode.OK && answer.Json.GetProperty("id").GetString() == target.Org.Id.Value
                    : answer == missing;
                if (!ok)
                {
                    failures.Add($"caller {caller.Org.Path} → {target.Org.Path}: {answer}");
                }
            });
            Assert.True(visible.Count > 1 || caller.Org.Path.Depth == VisibilityFixture.Depth);
        }

        Assert.Equal(forest.Callers.Count * forest.Trees.Sum(t => t.All.Count), checks);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task EveryRouteServesSelfChildAndDeepDescendant()
    {
        var (caller, key) = CallerAtDepth(2);
        var child = forest.A.ChildrenOf(caller)[1];
        // A fresh leaf three levels down, so that deleting it at the end takes nothing from the other checks.
        var deepParent = forest.A.SubtreeOf(caller).Last();
        var leaf = await forest.Orgs.Trees.ChildAsync(deepParent);
        var targets = new[]
        {
            await forest.TargetAsync(caller, caller, hasChildren: true),
            await forest.TargetAsync(child, caller, hasChildren: true),
            await forest.TargetAsync(leaf, caller, hasChildren: false),
        };
        Assert.Equal(VisibilityFixture.Depth + 1, leaf.Org.Path.Depth);

        var failures = new List<string>();
        foreach (var target in targets)
        {
            foreach (var route in OrgRoutes.All)
            {
                var answer = await route.SendAsync(App, target, key);
                if (answer.Status != route.WhenVisible(target))
                {
                    failures.Add($"{route} on {target.OrgId}: expected {(int)route.WhenVisible(target)}, got {answer}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.NotFound, (await HttpAnswer.SendAsync(App, OrgRoutes.All[0].Request(targets[2], key))).Status);
    }

    [Fact]
    public async Task EveryRouteAnswersSiblingCousinAncestorsAndOtherTreesExactlyLikeAMissingId()
    {
        var (caller, key) = CallerAtDepth(2);
        var parent = forest.Path[1];
        var sibling = forest.A.ChildrenOf(parent).First(o => o.Org.Id != caller.Org.Id);
        var cousin = forest.A.ChildrenOf(forest.A.ChildrenOf(forest.A.Root)[2])[0];
        var otherRoot = forest.B.Root;
        var otherDeep = forest.B.All[^1];
        var hidden = new[] { sibling, cousin, parent, forest.A.Root, otherRoot, otherDeep };
        var targets = new List<(OrgRecord Org, RouteTarget Target)>();
        foreach (var org in hidden)
        {
            targets.Add((org, await forest.TargetAsync(org, caller, hasChildren: true)));
        }
        var missing = VisibilityFixture.Missing();

        var failures = new List<string>();
        foreach (var route in OrgRoutes.All)
        {
            var expected = await HttpAnswer.SendAsync(App, route.Request(missing, key));
            Assert.Equal(HttpStatusCode.NotFound, expected.Status);
            Assert.Equal("application/problem+json", expected.MediaType);
            foreach (var (org, target) in targets)
            {
                var answer = await HttpAnswer.SendAsync(App, route.Request(target, key));
                if (answer != expected)
                {
                    failures.Add($"{route} on {org.Org.Path}: expected {expected}, got {answer}");
                }
            }
        }
        Assert.Empty(failures);

        // And nothing happened to them: each is still there, undescribed, with its custom role and its key, and no event names it.
        foreach (var (org, target) in targets)
        {
            var owner = forest.Trees.Single(t => t.Root.Org.Id == org.Org.Path.RootId).OwnerKey;
            var read = await HttpAnswer.SendAsync(App, AppHost.Request(HttpMethod.Get, $"api/orgs/{target.OrgId}", owner));
            Assert.Equal(HttpStatusCode.OK, read.Status);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, read.Json.GetProperty("description").ValueKind);
            var role = await HttpAnswer.SendAsync(App, AppHost.Request(HttpMethod.Get, $"api/orgs/{target.OrgId}/roles/{target.RoleId}", owner));
            Assert.Equal(HttpStatusCode.OK, role.Status);
            Assert.StartsWith("Custom ", role.Json.GetProperty("name").GetString());
            var keys = await HttpAnswer.SendAsync(App, AppHost.Request(HttpMethod.Get, $"api/orgs/{target.OrgId}/api-keys", owner));
            var listed = keys.Json.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == target.KeyId);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
            var events = await OutboxReader.EventsAsync(forest.Orgs, org.Org.Path.RootId.Value);
            Assert.DoesNotContain(events, e => e.OrgId == target.OrgId && !e.Actor.StartsWith("signup:", StringComparison.Ordinal));
        }
    }

    private (OrgRecord Org, string Key) CallerAtDepth(int depth)
    {
        var (org, _, key) = forest.Callers.Single(c => c.Tree == forest.A && c.Org.Org.Id == forest.Path[depth].Org.Id);
        return (org, key);
    }
}
