using System.Net;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Tests.Builders;
using Xunit.Abstractions;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// DESIGN §4 over HTTP, counted on a tree of 1,000 orgs: authentication is 3 point reads (key index, key row, role);
/// get-by-id adds 2 point reads whatever the depth; a subtree page adds the same 2 plus exactly one range query; an
/// ancestor is refused after 1 index read (the ancestor test is a string comparison, no storage).
/// </summary>
public class StorageCostTests(StorageCostFixture cost, ITestOutputHelper output) : IClassFixture<StorageCostFixture>
{
    private const string Index = TableNames.OrgIndex;
    private const string Orgs = TableNames.Orgs;

    [Fact]
    public async Task GetByIdIsAuthPlusTwoPointReadsAtEveryDepth()
    {
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        foreach (var org in cost.Tree.PathDown(5))
        {
            var (answer, requests) = await cost.MeasureAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{org.Org.Id}", key));

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            AssertCost(requests, indexReads: 2, treeReads: 4);
        }
        Assert.Equal(StorageCostFixture.TreeSize, cost.Tree.All.Count);
    }

    [Fact]
    public async Task EachDescendantsPageIsAuthPlusTwoPointReadsAndOneRangeQueryOfTheTreesPartition()
    {
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token);
            var (answer, requests) = await cost.MeasureAsync(AppHost.Request(HttpMethod.Get,
                $"api/orgs/{cost.Tree.Root.Org.Id}/descendants?maxPerPage=100{query}", key));

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            AssertCost(requests, indexReads: 2, treeReads: 4, queries: 1);
            var range = Uri.UnescapeDataString(requests.Single(r => r.Kind == StorageRequestKind.Query).Uri);
            Assert.Contains($"PartitionKey eq '{cost.Tree.Root.Org.Id}'", range);
            Assert.Contains("RowKey gt 'org:", range);
            Assert.Contains("RowKey lt 'org:", range);
            seen.AddRange(answer.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = answer.Json.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null);

        Assert.Equal(cost.Tree.All.Skip(1).Select(o => o.Org.Id.Value).Order(), seen.Order());
        Assert.Equal(10, pages);
    }

    [Fact]
    public async Task AnAncestorOrAMissingIdIsRefusedAfterAuthAndOneIndexRead()
    {
        var path = cost.Tree.PathDown(3);
        var key = await cost.WarmKeyAsync(path[2]);
        foreach (var id in new[] { path[1].Org.Id.Value, path[0].Org.Id.Value, Domain.Orgs.OrgId.New().Value })
        {
            var (answer, requests) = await cost.MeasureAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{id}", key));

            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            AssertCost(requests, indexReads: 2, treeReads: 3);
        }
    }

    /// <summary>The "Storage cost per route" table of src/OrgFunctions/Orgs/README.md, measured on a depth-3 org with children.</summary>
    public static readonly TheoryData<string, string> Costs = new()
    {
        { "GET org", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs" },
        { "PATCH org", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET children", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "GET descendants", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "GET activity", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Activity" },
        { "GET settings", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs" },
        { "PATCH settings", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 3 Write PUT OrgIndex, 2 Batch POST $batch, 1 Query GET Orgs, 1 Write DELETE Orgs, 1 Write DELETE OrgIndex" },
        { "POST settings/reset", "2 PointRead GET OrgIndex, 6 PointRead GET Orgs, 3 Write PUT OrgIndex, 2 Batch POST $batch, 1 Query GET Orgs, 1 Write DELETE Orgs, 1 Write DELETE OrgIndex" },
        { "GET roles", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "GET users", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "GET users?includeDescendants=true", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "GET user", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs" },
        { "PATCH user", "2 PointRead GET OrgIndex, 8 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "POST user/unlock (locked)", "2 PointRead GET OrgIndex, 7 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE user", "2 PointRead GET OrgIndex, 6 PointRead GET Orgs, 1 Query GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch, 1 Write DELETE Users" },
        { "POST roles", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET workspaces", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "POST workspaces", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET workspace", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs" },
        { "PATCH workspace", "2 PointRead GET OrgIndex, 6 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET workspace/members", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Query GET Orgs" },
        { "PUT workspace/member (new)", "2 PointRead GET OrgIndex, 7 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "PUT workspace/member (changed)", "2 PointRead GET OrgIndex, 7 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE workspace/member", "2 PointRead GET OrgIndex, 6 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE workspace", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 2 Query GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET role", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs" },
        { "PUT role", "2 PointRead GET OrgIndex, 6 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET api-keys", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "POST api-keys", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 2 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE api-key", "2 PointRead GET OrgIndex, 6 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET invitations", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "POST invitations", "3 PointRead GET OrgIndex, 6 PointRead GET Orgs, 3 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "POST invitation/resend", "2 PointRead GET OrgIndex, 6 PointRead GET Orgs, 3 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE invitation", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET invitation by token", "1 PointRead GET OrgIndex, 2 PointRead GET Orgs" },
        { "POST invitation accept (new account)", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Other POST OrgIndex, 1 Other POST Users, 1 Write PUT Users, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE role", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 2 Query GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE org", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "DELETE org (leaf)", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 2 Query GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET org (ancestor: 404)", "2 PointRead GET OrgIndex, 3 PointRead GET Orgs" },
        { "GET org (unknown key: 401)", "1 PointRead GET OrgIndex" },
        { "POST auth/sign-in (wrong password)", "2 PointRead GET OrgIndex, 1 PointRead GET Users, 2 PointRead GET Orgs, 1 Write PUT Orgs" },
        { "POST auth/sign-in", "2 PointRead GET OrgIndex, 1 PointRead GET Users, 2 PointRead GET Orgs, 2 Write PUT Orgs, 1 Other POST Sessions" },
        { "GET me", "1 PointRead GET Sessions, 5 PointRead GET Orgs, 1 PointRead GET Users, 1 Query GET Users" },
        { "GET org (session)", "1 PointRead GET Sessions, 4 PointRead GET Orgs, 1 PointRead GET OrgIndex" },
        { "POST auth/sign-out", "1 PointRead GET Sessions, 3 PointRead GET Orgs, 1 Write DELETE Sessions" },
    };

    [Fact]
    public async Task EveryRouteCostsWhatTheReadmeSays()
    {
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var org = cost.Tree.PathDown(0)[3];
        var target = await TargetAsync(org);
        var expected = Costs.ToDictionary(row => (string)row[0], row => (string)row[1]);
        var measured = new Dictionary<string, string>();
        foreach (var route in OrgRoutes.Orgs)
        {
            var (answer, requests) = await cost.MeasureAsync(route.Request(target, key));
            Assert.Equal(route.WhenVisible(target), answer.Status);
            measured[route.Name] = Describe(requests);
            output.WriteLine($"| {route.Name} | {(int)answer.Status} | {measured[route.Name]} |");
        }

        await MeasureWorkspaceRoutesAsync(org, key, measured);
        foreach (var (name, cost) in await InvitationCostsAsync(org, key))
        {
            measured[name] = cost;
            output.WriteLine($"| {name} | {cost} |");
        }

        var leaf = await cost.Orgs.Trees.ChildAsync(cost.Tree.All[^1]); // not one of the 1,000: other tests list them
        var (deleted, leafCost) = await cost.MeasureAsync(AppHost.Request(HttpMethod.Delete, $"api/orgs/{leaf.Org.Id}", key));
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        measured["DELETE org (leaf)"] = Describe(leafCost);
        var below = await cost.WarmKeyAsync(org);
        var (hidden, hiddenCost) = await cost.MeasureAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{cost.Tree.Root.Org.Id}", below));
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        measured["GET org (ancestor: 404)"] = Describe(hiddenCost);
        var unknown = Domain.ApiKeys.ApiKey.Issue(org.Org.Id, "never stored", "owner", DateTimeOffset.UtcNow).Secret.Token;
        var (refused, refusedCost) = await cost.MeasureAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{org.Org.Id}", unknown));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        measured["GET org (unknown key: 401)"] = Describe(refusedCost);
        await MeasureMemberRoutesAsync(org, key, measured);
        await MeasureSignInRoutesAsync(org, measured);

        Assert.Equal(expected, measured);
    }

    /// <summary>
    /// The "warm" table of src/OrgFunctions/Orgs/README.md: the same depth-3 org on an instance with the access cache on,
    /// each route's second request. The caller (key or session), the org's location and, for a listing, the org's row
    /// come from the cache; a route that answers with the org still reads its row. A refusal is never cached.
    /// </summary>
    public static readonly TheoryData<string, string> WarmCosts = new()
    {
        { "GET org", "1 PointRead GET Orgs" },
        { "GET org (session)", "1 PointRead GET Orgs" },
        { "GET settings", "1 PointRead GET Orgs" },
        { "GET children", "1 Query GET Orgs" },
        { "GET descendants", "1 Query GET Orgs" },
        { "GET users", "1 Query GET Orgs" },
        { "GET org (unknown key: 401)", "1 PointRead GET OrgIndex" },
    };

    [Fact]
    public async Task AWarmRequestCostsWhatTheReadmeSays()
    {
        var warm = await cost.WarmAppAsync();
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var org = cost.Tree.PathDown(0)[3];
        await new BulkTreeBuilder(cost.Orgs).SystemRolesAsync(org);
        var member = await new MemberBuilder(warm.Services).AddAsync(org.Org.Path, Domain.Roles.SystemRoles.MemberId);
        var session = await SignInHttp.TokenAsync(warm, member);
        var unknown = Domain.ApiKeys.ApiKey.Issue(org.Org.Id, "never stored", "owner", DateTimeOffset.UtcNow).Secret.Token;
        var routes = new (string Name, string Path, string Token, HttpStatusCode Status)[]
        {
            ("GET org", $"api/orgs/{org.Org.Id}", key, HttpStatusCode.OK),
            ("GET org (session)", $"api/orgs/{org.Org.Id}", session, HttpStatusCode.OK),
            ("GET settings", $"api/orgs/{org.Org.Id}/settings", key, HttpStatusCode.OK),
            ("GET children", $"api/orgs/{org.Org.Id}/children", key, HttpStatusCode.OK),
            ("GET descendants", $"api/orgs/{org.Org.Id}/descendants", key, HttpStatusCode.OK),
            ("GET users", $"api/orgs/{org.Org.Id}/users", key, HttpStatusCode.OK),
            ("GET org (unknown key: 401)", $"api/orgs/{org.Org.Id}", unknown, HttpStatusCode.Unauthorized),
        };
        var measured = new Dictionary<string, string>();
        foreach (var (name, path, token, status) in routes)
        {
            var cold = await HttpAnswer.SendAsync(warm, AppHost.Request(HttpMethod.Get, path, token));
            Assert.True(cold.Status == status, $"{name}: {cold}");
            var (answer, requests) = await cost.MeasureAsync(warm, AppHost.Request(HttpMethod.Get, path, token));
            Assert.True(answer.Status == status, $"{name}: {answer}");
            measured[name] = Describe(requests);
            output.WriteLine($"| {name} (warm) | {(int)answer.Status} | {measured[name]} |");
        }

        Assert.Equal(WarmCosts.ToDictionary(row => (string)row[0], row => (string)row[1]), measured);
    }

    [Fact]
    public async Task AWarmDescendantsPageIsExactlyItsRangeQuery()
    {
        var warm = await cost.WarmAppAsync();
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var first = $"api/orgs/{cost.Tree.Root.Org.Id}/descendants?maxPerPage=100";
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(warm, AppHost.Request(HttpMethod.Get, first, key))).Status);
        var seen = new List<string>();
        string? token = null;
        do
        {
            var query = token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token);
            var (answer, requests) = await cost.MeasureAsync(warm, AppHost.Request(HttpMethod.Get, first + query, key));

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            AssertCost(requests, indexReads: 0, treeReads: 0, queries: 1);
            seen.AddRange(answer.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = answer.Json.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(cost.Tree.All.Skip(1).Select(o => o.Org.Id.Value).Order(), seen.Order());
    }

    /// <summary>The sign-in rows: a wrong password, a sign-in, who am I, sign-out, for a member of the depth-3 org.</summary>
    private async Task MeasureSignInRoutesAsync(OrgRecord org, Dictionary<string, string> measured)
    {
        var member = await new MemberBuilder(cost.App.Services).AddAsync(org.Org.Path, Domain.Roles.SystemRoles.MemberId);
        Task<HttpAnswer> Measure(string name, HttpRequestMessage request, HttpStatusCode expected) =>
            MeasureIntoAsync(measured, name, request, expected);
        await Measure("POST auth/sign-in (wrong password)", AppHost.Request(HttpMethod.Post, "api/auth/sign-in", null,
            new { email = member.Email, password = "not the password at all", orgId = org.Org.Id.Value }), HttpStatusCode.Unauthorized);
        var signedIn = await Measure("POST auth/sign-in", AppHost.Request(HttpMethod.Post, "api/auth/sign-in", null,
            new { email = member.Email, password = member.Password, orgId = org.Org.Id.Value }), HttpStatusCode.OK);
        var session = signedIn.Json.GetProperty("token").GetString()!;
        await Measure("GET me", AppHost.Request(HttpMethod.Get, "api/me", session), HttpStatusCode.OK);
        await Measure("GET org (session)", AppHost.Request(HttpMethod.Get, $"api/orgs/{org.Org.Id}", session), HttpStatusCode.OK);
        await Measure("POST auth/sign-out", AppHost.Request(HttpMethod.Post, "api/auth/sign-out", session), HttpStatusCode.NoContent);
    }

    /// <summary>The workspace rows of the table: an org's workspace made, read, changed, given a member and deleted.</summary>
    private async Task MeasureWorkspaceRoutesAsync(OrgRecord org, string key, Dictionary<string, string> measured)
    {
        var member = await new MemberBuilder(cost.App.Services).AddAsync(org.Org.Path);
        var orgPath = $"api/orgs/{org.Org.Id}/workspaces";
        Task<HttpAnswer> Measure(string name, HttpMethod method, string path, object? body, HttpStatusCode expected) =>
            MeasureIntoAsync(measured, name, AppHost.Request(method, path, key, body), expected);
        await Measure("GET workspaces", HttpMethod.Get, orgPath, null, HttpStatusCode.OK);
        var created = await Measure("POST workspaces", HttpMethod.Post, orgPath, new { name = "Measured" }, HttpStatusCode.Created);
        var workspace = $"{orgPath}/{created.Json.GetProperty("id").GetString()}";
        Assert.Equal(HttpStatusCode.Created, (await HttpAnswer.SendAsync(cost.App, AppHost.Request(HttpMethod.Post, orgPath, key,
            new { name = "Stays" }))).Status);
        await Measure("GET workspace", HttpMethod.Get, workspace, null, HttpStatusCode.OK);
        await Measure("PATCH workspace", HttpMethod.Patch, workspace, new { name = "Measured again", description = "Renamed" }, HttpStatusCode.OK);
        await Measure("PUT workspace/member (new)", HttpMethod.Put, $"{workspace}/members/{member.UserId}", new { accessLevel = "agent" },
            HttpStatusCode.Created);
        await Measure("PUT workspace/member (changed)", HttpMethod.Put, $"{workspace}/members/{member.UserId}", new { accessLevel = "owner" },
            HttpStatusCode.OK);
        await Measure("GET workspace/members", HttpMethod.Get, $"{workspace}/members", null, HttpStatusCode.OK);
        await Measure("DELETE workspace/member", HttpMethod.Delete, $"{workspace}/members/{member.UserId}", null, HttpStatusCode.NoContent);
        await Measure("DELETE workspace", HttpMethod.Delete, workspace, null, HttpStatusCode.NoContent);
    }

    /// <summary>The blocklist, smart-phrase and imports rows of the cost table in src/OrgFunctions/FileDrops/README.md, on a depth-3 org.</summary>
    public static readonly TheoryData<string, string> PerOrgDataCosts = new()
    {
        { "POST blocklist (new)", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Write PUT Blocklist, 1 Other POST Blocklist, 1 Write PUT OrgIndex, 1 Batch POST $batch, 1 Write DELETE Blocklist" },
        { "POST blocklist (again)", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Write PUT Blocklist, 1 Other POST Blocklist, 1 PointRead GET Blocklist, 1 Write PUT OrgIndex, 1 Batch POST $batch, 1 Write DELETE Blocklist" },
        { "GET blocklist", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Blocklist" },
        { "GET blocklist/check (depth 3)", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 4 PointRead GET Blocklist" },
        { "POST inbound (STOP)", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Write PUT Blocklist, 1 Other POST Blocklist, 1 Write PUT OrgIndex, 1 Batch POST $batch, 1 Write DELETE Blocklist" },
        { "POST inbound (other text)", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs" },
        { "DELETE blocklist entry", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 PointRead GET Blocklist, 1 Write DELETE Blocklist" },
        { "POST smart-phrases", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Batch POST $batch" },
        { "GET smart-phrases", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET SmartPhrases" },
        { "GET smart-phrases?search=", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET SmartPhrases" },
        { "GET smart-phrase", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 PointRead GET SmartPhrases" },
        { "PUT smart-phrase", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 PointRead GET SmartPhrases, 1 Batch POST $batch" },
        { "DELETE smart-phrase", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 PointRead GET SmartPhrases, 1 Batch POST $batch" },
        { "GET imports", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Imports" },
    };

    [Fact]
    public async Task PerOrgDataRoutesCostWhatTheReadmeSays()
    {
        var org = cost.Tree.PathDown(1)[3];
        var key = await cost.WarmKeyAsync(org);
        var id = org.Org.Id.Value;
        var measured = new Dictionary<string, string>();
        Task<HttpAnswer> Measure(string name, HttpMethod method, string path, object? body = null) =>
            MeasureIntoAsync(measured, name, AppHost.Request(method, $"api/orgs/{id}/{path}", key, body));
        // Creates the per-org tables, which happens once per process.
        await cost.MeasureAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{id}/blocklist", key, new { channel = "sms", identifier = "+353870000001" }));

        await Measure("POST blocklist (new)", HttpMethod.Post, "blocklist", new { channel = "sms", identifier = "+353870000002" });
        await Measure("POST blocklist (again)", HttpMethod.Post, "blocklist", new { channel = "sms", identifier = "+353870000002" });
        await Measure("GET blocklist", HttpMethod.Get, "blocklist");
        await Measure("GET blocklist/check (depth 3)", HttpMethod.Get, "blocklist/check?channel=sms&identifier=%2B353870000009");
        await Measure("POST inbound (STOP)", HttpMethod.Post, "inbound", new { channel = "sms", from = "+353870000003", text = " stop " });
        await Measure("POST inbound (other text)", HttpMethod.Post, "inbound", new { channel = "sms", from = "+353870000003", text = "hello" });
        await Measure("DELETE blocklist entry", HttpMethod.Delete, "blocklist/sms/%2B353870000002");
        var phrase = await Measure("POST smart-phrases", HttpMethod.Post, "smart-phrases", new { shortcut = "hello", text = "Hello there", tags = new[] { "greeting" } });
        var phraseId = phrase.Json.GetProperty("id").GetString();
        await Measure("GET smart-phrases", HttpMethod.Get, "smart-phrases");
        await Measure("GET smart-phrases?search=", HttpMethod.Get, "smart-phrases?search=hello");
        await Measure("GET smart-phrase", HttpMethod.Get, $"smart-phrases/{phraseId}");
        await Measure("PUT smart-phrase", HttpMethod.Put, $"smart-phrases/{phraseId}", new { shortcut = "hi", text = "Hi there" });
        await Measure("DELETE smart-phrase", HttpMethod.Delete, $"smart-phrases/{phraseId}");
        await Measure("GET imports", HttpMethod.Get, "imports");

        Assert.Equal(PerOrgDataCosts.ToDictionary(row => (string)row[0], row => (string)row[1]), measured);
    }

    /// <summary>The sender-ID rows of the cost table in src/OrgFunctions/Orgs/README.md: a root of the 1,000-org tree and its child.</summary>
    public static readonly TheoryData<string, string> SenderIdCosts = new()
    {
        { "POST sender-ids (root)", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Other POST OrgIndex, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET sender-ids", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "POST sender-ids (sub-org)", "3 PointRead GET OrgIndex, 6 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE sender-id (used below: 409)", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Query GET Orgs" },
        { "DELETE sender-id (sub-org)", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Query GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE sender-id (root)", "3 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Query GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch, 1 Write DELETE OrgIndex" },
    };

    [Fact]
    public async Task SenderIdRoutesCostWhatTheReadmeSays()
    {
        var root = cost.Tree.Root;
        var child = cost.Tree.ChildrenOf(root)[0];
        var key = await cost.WarmKeyAsync(root);
        var measured = new Dictionary<string, string>();
        Task<HttpAnswer> Measure(string name, HttpMethod method, OrgRecord org, string path, object? body = null) =>
            MeasureIntoAsync(measured, name, AppHost.Request(method, $"api/orgs/{org.Org.Id}/{path}", key, body));
        var address = new { channel = "email", address = $"cost.{Guid.NewGuid():N}@example.com" };

        var registered = await Measure("POST sender-ids (root)", HttpMethod.Post, root, "sender-ids", address);
        var id = registered.Json.GetProperty("id").GetString();
        await Measure("GET sender-ids", HttpMethod.Get, root, "sender-ids");
        Assert.Equal(HttpStatusCode.Created, (await Measure("POST sender-ids (sub-org)", HttpMethod.Post, child, "sender-ids", address)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Measure("DELETE sender-id (used below: 409)", HttpMethod.Delete, root, $"sender-ids/{id}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Measure("DELETE sender-id (sub-org)", HttpMethod.Delete, child, $"sender-ids/{id}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Measure("DELETE sender-id (root)", HttpMethod.Delete, root, $"sender-ids/{id}")).Status);

        Assert.Equal(SenderIdCosts.ToDictionary(row => (string)row[0], row => (string)row[1]), measured);
    }

    /// <summary>The payment-gateway rows of the cost table in src/OrgFunctions/Orgs/README.md, on a depth-3 org with payments on.</summary>
    public static readonly TheoryData<string, string> PaymentGatewayCosts = new()
    {
        { "POST payment-gateways (payments off: 409)", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs" },
        { "POST payment-gateways", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET payment-gateways", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "GET payment-gateway", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs" },
        { "DELETE payment-gateway", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
    };

    [Fact]
    public async Task PaymentGatewayRoutesCostWhatTheReadmeSays()
    {
        var org = cost.Tree.PathDown(1)[3];
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var measured = new Dictionary<string, string>();
        var gateways = $"api/orgs/{org.Org.Id}/payment-gateways";
        var gateway = new { gatewayType = "test", description = "Measured", credentials = new { login = "cost" } };
        Task<HttpAnswer> Measure(string name, HttpMethod method, string path, object? body, HttpStatusCode expected) =>
            MeasureIntoAsync(measured, name, AppHost.Request(method, path, key, body), expected);

        await Measure("POST payment-gateways (payments off: 409)", HttpMethod.Post, gateways, gateway, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(cost.App, AppHost.Request(HttpMethod.Patch, $"api/orgs/{org.Org.Id}/settings",
            key, new { features = new { payments = true } }))).Status);
        var created = await Measure("POST payment-gateways", HttpMethod.Post, gateways, gateway, HttpStatusCode.Created);
        var one = $"{gateways}/{created.Json.GetProperty("id").GetString()}";
        await Measure("GET payment-gateways", HttpMethod.Get, gateways, null, HttpStatusCode.OK);
        await Measure("GET payment-gateway", HttpMethod.Get, one, null, HttpStatusCode.OK);
        await Measure("DELETE payment-gateway", HttpMethod.Delete, one, null, HttpStatusCode.NoContent);

        Assert.Equal(PaymentGatewayCosts.ToDictionary(row => (string)row[0], row => (string)row[1]), measured);
    }

    /// <summary>The integration rows of the cost table in src/OrgFunctions/Orgs/README.md, on a child of the 1,000-org tree's root.</summary>
    public static readonly TheoryData<string, string> IntegrationCosts = new()
    {
        { "POST integrations", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "GET integrations", "2 PointRead GET OrgIndex, 4 PointRead GET Orgs, 1 Query GET Orgs" },
        { "GET integration", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs" },
        { "PATCH integration", "2 PointRead GET OrgIndex, 6 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
        { "DELETE integration", "2 PointRead GET OrgIndex, 5 PointRead GET Orgs, 1 Write PUT OrgIndex, 1 Batch POST $batch" },
    };

    [Fact]
    public async Task IntegrationRoutesCostWhatTheReadmeSays()
    {
        var org = cost.Tree.ChildrenOf(cost.Tree.Root)[1];
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var measured = new Dictionary<string, string>();
        Task<HttpAnswer> Measure(string name, HttpMethod method, string path, object? body = null) =>
            MeasureIntoAsync(measured, name, AppHost.Request(method, $"api/orgs/{org.Org.Id}/{path}", key, body));

        var added = await Measure("POST integrations", HttpMethod.Post, "integrations", new
        {
            type = "typeform",
            settings = new { formId = "u6nXL7" },
            secrets = new { personalAccessToken = "tfp_cost", webhookSecret = "whsec_cost" },
        });
        Assert.Equal(HttpStatusCode.Created, added.Status);
        var id = added.Json.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Measure("GET integrations", HttpMethod.Get, "integrations")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Measure("GET integration", HttpMethod.Get, $"integrations/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Measure("PATCH integration", HttpMethod.Patch, $"integrations/{id}",
            new { settings = new { region = "eu" }, secrets = new { webhookSecret = (string?)null } })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Measure("DELETE integration", HttpMethod.Delete, $"integrations/{id}")).Status);

        Assert.Equal(IntegrationCosts.ToDictionary(row => (string)row[0], row => (string)row[1]), measured);
    }

    [Fact]
    public async Task RefusingToDeleteAnOrgWithChildrenReadsOneRowNotTheSubtree()
    {
        var key = await cost.WarmKeyAsync(cost.Tree.Root);
        var child = cost.Tree.ChildrenOf(cost.Tree.Root)[0];

        var (answer, requests) = await cost.MeasureAsync(AppHost.Request(HttpMethod.Delete, $"api/orgs/{child.Org.Id}?cascade=false", key));

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        AssertCost(requests, indexReads: 2, treeReads: 4, queries: 1);
        Assert.Matches(@"\$top=1(&|$)", Uri.UnescapeDataString(requests.Single(r => r.Kind == StorageRequestKind.Query).Uri));
    }

    /// <summary>The user-administration rows: a member of <paramref name="org"/> listed, read, changed, unlocked and removed.</summary>
    private async Task MeasureMemberRoutesAsync(OrgRecord org, string key, Dictionary<string, string> measured)
    {
        var members = new MemberBuilder(cost.Orgs.Services);
        var member = await members.AddAsync(org.Org.Path, Domain.Roles.SystemRoles.MemberId);
        await OrgFunctions.Tests.Users.Members.MemberChangeTests.LockAsync(cost.Orgs, members, member, loginAttempts: 2);
        var users = $"api/orgs/{org.Org.Id}/users";
        foreach (var (name, method, path, body, status) in new (string, HttpMethod, string, object?, HttpStatusCode)[]
        {
            ("GET users", HttpMethod.Get, users, null, HttpStatusCode.OK),
            ("GET users?includeDescendants=true", HttpMethod.Get, users + "?includeDescendants=true&maxPerPage=10", null, HttpStatusCode.OK),
            ("GET user", HttpMethod.Get, $"{users}/{member.UserId}", null, HttpStatusCode.OK),
            ("PATCH user", HttpMethod.Patch, $"{users}/{member.UserId}", new { roleId = Domain.Roles.SystemRoles.AdminId }, HttpStatusCode.OK),
            ("POST user/unlock (locked)", HttpMethod.Post, $"{users}/{member.UserId}/unlock", null, HttpStatusCode.OK),
            ("DELETE user", HttpMethod.Delete, $"{users}/{member.UserId}", null, HttpStatusCode.NoContent),
        })
        {
            var (answer, requests) = await cost.MeasureAsync(AppHost.Request(method, path, key, body));
            Assert.True(answer.Status == status, $"{name}: {answer}");
            measured[name] = Describe(requests);
            output.WriteLine($"| {name} | {(int)answer.Status} | {measured[name]} |");
        }
    }

    /// <summary>The invitation routes (ADR 0020), in an order that makes each one succeed: invite, list, resend, see and accept by token, revoke.</summary>
    private async Task<List<(string Name, string Cost)>> InvitationCostsAsync(OrgRecord org, string key)
    {
        var costs = new List<(string, string)>();
        async Task<HttpAnswer> MeasureAsync(string name, HttpStatusCode expected, HttpRequestMessage request)
        {
            var (answer, requests) = await cost.MeasureAsync(request);
            Assert.True(answer.Status == expected, $"{name}: {answer}");
            costs.Add((name, Describe(requests)));
            return answer;
        }
        var invitations = $"api/orgs/{org.Org.Id}/invitations";
        var invited = await MeasureAsync("POST invitations", HttpStatusCode.Created,
            AppHost.Request(HttpMethod.Post, invitations, key, new { email = $"cost-{Guid.NewGuid():N}@example.com", roleId = "member" }));
        var id = invited.Json.GetProperty("id").GetString();
        await MeasureAsync("GET invitations", HttpStatusCode.OK, AppHost.Request(HttpMethod.Get, invitations, key));
        var resent = await MeasureAsync("POST invitation/resend", HttpStatusCode.OK, AppHost.Request(HttpMethod.Post, $"{invitations}/{id}/resend", key));
        var url = resent.Json.GetProperty("acceptUrl").GetString()!;
        var token = url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        await MeasureAsync("GET invitation by token", HttpStatusCode.OK, AppHost.Request(HttpMethod.Get, $"api/invitations/{token}", null));
        await MeasureAsync("POST invitation accept (new account)", HttpStatusCode.Created, AppHost.Request(HttpMethod.Post,
            $"api/invitations/{token}/accept", null, new { displayName = "Cost", password = "a long enough passphrase" }));
        var other = await cost.MeasureAsync(AppHost.Request(HttpMethod.Post, invitations, key, new { email = $"cost-{Guid.NewGuid():N}@example.com", roleId = "member" }));
        await MeasureAsync("DELETE invitation", HttpStatusCode.NoContent,
            AppHost.Request(HttpMethod.Delete, $"{invitations}/{other.Answer.Json.GetProperty("id").GetString()}", key));
        return costs;
    }

    private async Task<RouteTarget> TargetAsync(OrgRecord org)
    {
        await new BulkTreeBuilder(cost.Orgs).SystemRolesAsync(org);
        var roleId = await cost.Orgs.Trees.CustomRoleAsync(org, [Domain.Roles.Permission.OrgsRead]);
        var keyId = OrgTreeBuilder.KeyIdOf(await cost.Orgs.Trees.KeyAsync(org, Domain.Roles.SystemRoles.MemberId));
        return new RouteTarget(org.Org.Id.Value, roleId, keyId, HasChildren: cost.Tree.ChildrenOf(org).Count > 0);
    }

    /// <summary>Sends <paramref name="request"/>, records what it cost under <paramref name="name"/>, and checks its status when one is expected.</summary>
    private async Task<HttpAnswer> MeasureIntoAsync(Dictionary<string, string> measured, string name, HttpRequestMessage request,
        HttpStatusCode? expected = null)
    {
        var (answer, requests) = await cost.MeasureAsync(request);
        Assert.True(expected is null || answer.Status == expected, $"{name}: {answer}");
        measured[name] = Describe(requests);
        output.WriteLine($"| {name} | {(int)answer.Status} | {measured[name]} |");
        return answer;
    }

    private static string Describe(IReadOnlyList<StorageRequest> requests) =>
        string.Join(", ", requests.GroupBy(r => (r.Kind, r.Table, r.Method)).Select(g => $"{g.Count()} {g.Key.Kind} {g.Key.Method} {g.Key.Table}"));

    private static void AssertCost(IReadOnlyList<StorageRequest> requests, int indexReads, int treeReads, int queries = 0)
    {
        var described = Describe(requests);
        Assert.True(requests.Count(r => r.Kind == StorageRequestKind.PointRead && r.Table == Index) == indexReads, described);
        Assert.True(requests.Count(r => r.Kind == StorageRequestKind.PointRead && r.Table == Orgs) == treeReads, described);
        Assert.True(requests.Count(r => r.Kind == StorageRequestKind.Query) == queries, described);
        Assert.True(requests.Count == indexReads + treeReads + queries, described);
    }
}
