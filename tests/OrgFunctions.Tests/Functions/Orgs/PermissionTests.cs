using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// Every route needs one declared permission: a key whose role lacks it gets 403 (problem+json naming it) on an org
/// it can see, and still 404 (the body of a missing id) on an org it can't, so a 403 never reveals an org.
/// </summary>
public class PermissionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AKeyLackingTheRoutesPermissionGets403NamingItOnEachRoute()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var home = await orgs.Trees.ChildAsync(root);
        var target = await TargetAsync(app, orgs, await orgs.Trees.ChildAsync(home));

        var failures = new List<string>();
        foreach (var permission in OrgRoutes.All.Select(r => r.Permission).Distinct())
        {
            var lacking = await orgs.Trees.CustomRoleAsync(home, Permission.All.Where(p => p != permission));
            var key = await orgs.Trees.KeyAsync(home, lacking);
            foreach (var route in OrgRoutes.All.Where(r => r.Permission == permission))
            {
                var answer = await route.SendAsync(app, target, key);
                if (!IsForbidden(answer, permission))
                {
                    failures.Add($"{route} without {permission}: {answer}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task AMemberKeyReadsButGets403OnEveryManageRouteOfAVisibleOrgAnd404OnAnInvisibleOne()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var home = await orgs.Trees.ChildAsync(root);
        var member = await orgs.Trees.KeyAsync(home, SystemRoles.MemberId);
        var visible = await TargetAsync(app, orgs, await orgs.Trees.ChildAsync(home));
        var invisible = await TargetAsync(app, orgs, await orgs.Trees.ChildAsync(root));
        var missing = VisibilityFixture.Missing();

        var failures = new List<string>();
        foreach (var route in OrgRoutes.All)
        {
            var seen = await route.SendAsync(app, visible, member);
            var readable = MemberPermissions.Contains(route.Permission);
            if (readable ? seen.Status != route.WhenVisible(visible) : !IsForbidden(seen, route.Permission))
            {
                failures.Add($"{route} on a visible org: {seen}");
            }
            var hidden = await HttpAnswer.SendAsync(app, route.Request(invisible, member));
            var absent = await HttpAnswer.SendAsync(app, route.Request(missing, member));
            if (hidden.Status != HttpStatusCode.NotFound || hidden != absent)
            {
                failures.Add($"{route} on an invisible org: {hidden}, a missing one: {absent}");
            }
        }

        Assert.Empty(failures);
        Assert.Contains(OrgRoutes.All, r => !MemberPermissions.Contains(r.Permission));
    }

    /// <summary>A Member reads orgs and conversations (and so blocklists and smart phrases); it manages nothing.</summary>
    private static readonly IReadOnlySet<string> MemberPermissions =
        SystemRoles.Create().Single(r => r.Id == SystemRoles.MemberId).Permissions.ToHashSet();

    private static bool IsForbidden(HttpAnswer answer, string permission) =>
        answer.Status == HttpStatusCode.Forbidden
        && answer.MediaType == "application/problem+json"
        && answer.Json.GetProperty("status").GetInt32() == 403
        && answer.Json.GetProperty("detail").GetString()!.Contains($"'{permission}'", StringComparison.Ordinal);

    [Fact]
    public async Task ARouteThatNamesNoOrgAnswersAnyValidKeyEvenOneWithoutPermissions()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var home = await orgs.Trees.ChildAsync(root);
        var keys = new[]
        {
            await orgs.Trees.KeyAsync(home, await orgs.Trees.CustomRoleAsync(home, [])),
            await orgs.Trees.KeyAsync(home, SystemRoles.MemberId),
            await orgs.Trees.KeyAsync(root),
        };

        var failures = new List<string>();
        foreach (var route in OrgRoutes.Unscoped)
        {
            Assert.Equal("", route.Permission);
            foreach (var key in keys)
            {
                var answer = await route.SendAsync(app, VisibilityFixture.Missing(), key);
                if (answer.Status != route.WhenVisible(VisibilityFixture.Missing()) || answer.MediaType != "application/json")
                {
                    failures.Add($"{route}: {answer}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.NotEmpty(OrgRoutes.Unscoped);
    }

    private static async Task<RouteTarget> TargetAsync(AppHost app, OrgApp orgs, OrgRecord org)
    {
        var roleId = await orgs.Trees.CustomRoleAsync(org, [Permission.OrgsRead]);
        var keyId = OrgTreeBuilder.KeyIdOf(await orgs.Trees.KeyAsync(org, SystemRoles.MemberId));
        return await new RouteTarget(org.Org.Id.Value, roleId, keyId).WithFeaturesAsync(app, orgs, org, await orgs.Trees.KeyAsync(org));
    }
}
