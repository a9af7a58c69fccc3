using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Provisioning;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Tests.Functions;

/// <summary><c>POST /api/orgs/{parentId}/children</c> and <c>GET /api/provisioning/{id}</c>, served by the local host.</summary>
public sealed class ProvisioningFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ACreateAnswers202WithOurStatusRouteAndTheNewOrgIdThenTheOrgIsActive()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();

        using var response = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Sales", description = "The sales team" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = body.GetProperty("id").GetString()!;
        var orgId = body.GetProperty("orgId").GetString()!;
        Assert.True(OrgId.TryParse(orgId, out _));
        Assert.EndsWith($"/api/provisioning/{instanceId}", body.GetProperty("provisioningStatusUri").GetString());
        Assert.Equal(body.GetProperty("provisioningStatusUri").GetString(), response.Headers.Location?.ToString());
        // No management link of Durable's (terminate, purge, raise event, suspend, rewind) is handed out.
        Assert.Equal(["id", "orgId", "provisioningStatusUri"], body.EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain("runtime/webhooks", await response.Content.ReadAsStringAsync());

        var status = await ProvisioningHttp.WaitAsync(app, key, instanceId);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal("completed", status.GetProperty("step").GetString());
        Assert.Equal(orgId, status.GetProperty("orgId").GetString());
        var org = await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{orgId}");
        Assert.Equal("active", org.GetProperty("status").GetString());
        Assert.Equal(rootId, org.GetProperty("parentId").GetString());
        Assert.Equal("The sales team", org.GetProperty("description").GetString());
        var events = await EventsAsync(app, rootId);
        Assert.Single(events, e => e.Type == EventTypes.OrgCreated && e.OrgId == orgId);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyGivesTheSameInstanceAndTheSameOrg()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();

        using var first = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Once" }, "key-1");
        var started = await first.Content.ReadFromJsonAsync<JsonElement>();
        await ProvisioningHttp.WaitAsync(app, key, started.GetProperty("id").GetString()!);
        using var again = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Once" }, "key-1");

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(started.GetProperty("id").GetString(), repeated.GetProperty("id").GetString());
        Assert.Equal(started.GetProperty("orgId").GetString(), repeated.GetProperty("orgId").GetString());
        Assert.Single(await ChildrenAsync(app, key, rootId));
    }

    [Fact]
    public async Task AnIdempotencyKeyReusedForADifferentRequestIs409()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();
        using var first = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Original" }, "key-2");
        var started = await first.Content.ReadFromJsonAsync<JsonElement>();

        using var reused = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Something else" }, "key-2");

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains(started.GetProperty("id").GetString()!, (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        await ProvisioningHttp.WaitAsync(app, key, started.GetProperty("id").GetString()!);
        Assert.Single(await ChildrenAsync(app, key, rootId));
    }

    [Fact]
    public async Task RacingRequestsWithOneIdempotencyKeyMakeOneOrg()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Raced" }, "race-key")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Single(bodies.Select(b => b.GetProperty("id").GetString()).Distinct());
        Assert.Single(bodies.Select(b => b.GetProperty("orgId").GetString()).Distinct());
        var status = await ProvisioningHttp.WaitAsync(app, key, bodies[0].GetProperty("id").GetString()!);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Single(await ChildrenAsync(app, key, rootId));
    }

    [Fact]
    public async Task AKeyClaimedByARequestThatDiedBeforeSchedulingIsScheduledByTheNextRequestWithIt()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();
        var instanceId = IdempotencyKeys.InstanceId(rootId, "orphan-key");
        var claimed = new ProvisioningInput(OrgId.New().Value, rootId, "Orphan", null, null, CopyRoles: true, CopyTemplates: true, [],
            "apikey:test", DateTimeOffset.UtcNow, 3, 0.01);
        // What a request that crashed between its claim and scheduling leaves: the claim, and no instance.
        Assert.Null(await app.Services.GetRequiredService<IdempotencyClaims>().ClaimAsync(rootId, instanceId, claimed, default));

        using var retried = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Orphan" }, "orphan-key");

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var body = await retried.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(instanceId, body.GetProperty("id").GetString());
        Assert.Equal(claimed.OrgId, body.GetProperty("orgId").GetString());
        Assert.Equal("completed", (await ProvisioningHttp.WaitAsync(app, key, instanceId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task WithoutAKeyTwoRequestsAreTwoInstances()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();

        var a = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "First" });
        var b = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Second" });

        Assert.NotEqual(a, b);
        Assert.Equal(2, (await ChildrenAsync(app, key, rootId)).Count);
    }

    [Fact]
    public async Task ANameTakenInTheTreeIs409BeforeAnythingStartsWhateverItsCase()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync("Acme HQ");
        var child = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Support" });

        using var clash = await ProvisioningHttp.StartAsync(app, key, child, new { name = "SUPPORT" });
        using var clashWithRoot = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "acme hq" });

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("application/problem+json", clash.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SUPPORT", (await clash.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, clashWithRoot.StatusCode);
        Assert.Empty(await ChildrenAsync(app, key, child));
    }

    [Fact]
    public async Task RacingRequestsForOneNameMakeOneOrgAndTheLosersFailNamingTheConflict()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();

        // Without keys, both usually pass the 409 check (the name is reserved inside the orchestration): one loses there.
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Contested" })));

        Assert.Equal(1, await CompletedOfRaceAsync(app, key, responses, "reserveName", "'Contested' is already used by another org"));
        Assert.Single(await ChildrenAsync(app, key, rootId));
    }

    [Fact]
    public async Task RacingRequestsForTheLastChildSlotMakeOneOrgAndTheLosersFailNamingTheLimit()
    {
        await using var app = await AppHost.StartAsync(azurite, null, "--Provisioning:MaxChildrenPerOrg=2");
        var (rootId, key) = await app.SignUpAsync();
        await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "First" });

        // All pass the early check (one slot left); the create step's transaction on the child counter lets one through.
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => ProvisioningHttp.StartAsync(app, key, rootId, new { name = $"Racer {i}" })));

        Assert.Equal(1, await CompletedOfRaceAsync(app, key, responses, "createOrg", "already has 2 sub-orgs"));
        Assert.Equal(2, (await ChildrenAsync(app, key, rootId)).Count);
    }

    [Fact]
    public async Task AFailingStepIsCompensatedTheStatusNamesItAndTheNameIsFreeAgain()
    {
        await using var app = await AppHost.StartAsync(azurite, null, ProvisioningHttp.FastRetries);
        var (rootId, key) = await app.SignUpAsync();
        // A parent template row that can't be read makes the copy step fail on every attempt.
        var tables = app.Services.GetRequiredService<OrgTables>();
        await tables.Orgs.AddEntityAsync(new TableEntity(rootId, RowKeys.Template(OrgId.Parse(rootId), "tpl_broken"))
        {
            ["Kind"] = "template", ["OrgId"] = rootId, ["TemplateId"] = "tpl_broken", ["Name"] = "broken", ["Language"] = "en",
            ["Category"] = "NOT-A-CATEGORY", ["Body"] = "x", ["Status"] = "PENDING",
        });

        using var response = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Doomed" });
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        var orgId = started.GetProperty("orgId").GetString()!;
        var status = await ProvisioningHttp.WaitAsync(app, key, started.GetProperty("id").GetString()!);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("copyTemplates", status.GetProperty("step").GetString());
        Assert.Contains("template category", status.GetProperty("error").GetString());
        Assert.Equal(orgId, status.GetProperty("orgId").GetString());
        using var get = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", key));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        var child = OrgPath.Root(OrgId.Parse(rootId)).Child(OrgId.Parse(orgId));
        Assert.Empty(await OrgContentBuilder.RowsAsync(tables, child, RowKeys.RolePrefix(child.OrgId)));
        Assert.DoesNotContain(await EventsAsync(app, rootId), e => e.OrgId == orgId);

        await tables.Orgs.DeleteEntityAsync(rootId, RowKeys.Template(OrgId.Parse(rootId), "tpl_broken"));
        await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Doomed" });
    }

    [Fact]
    public async Task DepthBeyondTheLimitIs409NamingIt()
    {
        await using var app = await AppHost.StartAsync(azurite, null, "--Provisioning:MaxDepth=1");
        var (rootId, key) = await app.SignUpAsync();
        var child = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Level 1" });

        using var response = await ProvisioningHttp.StartAsync(app, key, child, new { name = "Level 2" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://orgfunctions.dev/problems/limit-exceeded", problem.GetProperty("type").GetString());
        Assert.Equal("Provisioning:MaxDepth", problem.GetProperty("limit").GetString());
        Assert.Equal(1, problem.GetProperty("limitValue").GetInt32());
    }

    [Fact]
    public async Task ChildrenBeyondTheLimitAre409NamingIt()
    {
        await using var app = await AppHost.StartAsync(azurite, null, "--Provisioning:MaxChildrenPerOrg=2");
        var (rootId, key) = await app.SignUpAsync();
        await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "One" });
        await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Two" });

        using var response = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Three" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Provisioning:MaxChildrenPerOrg", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("limit").GetString());
    }

    [Fact]
    public async Task CreatingNeedsOrgsManageAndWorksUnderAnyOrgTheCallerCanSee()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();
        var (otherRoot, otherKey) = await app.SignUpAsync();
        var child = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Child" });
        var member = await ProvisioningHttp.KeyAsync(app, key, rootId, "member");
        var childAdmin = await ProvisioningHttp.KeyAsync(app, key, child, "admin");

        using var byMember = await ProvisioningHttp.StartAsync(app, member, rootId, new { name = "Nope" });
        using var byStranger = await ProvisioningHttp.StartAsync(app, otherKey, rootId, new { name = "Nope" });
        using var childAdminAboveItself = await ProvisioningHttp.StartAsync(app, childAdmin, rootId, new { name = "Nope" });
        using var noKey = await ProvisioningHttp.StartAsync(app, null!, rootId, new { name = "Nope" });
        var grandchild = await ProvisioningHttp.CreateChildAsync(app, childAdmin, child, new { name = "Grandchild" });
        var greatGrandchild = await ProvisioningHttp.CreateChildAsync(app, key, grandchild, new { name = "Great-grandchild" });

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, childAdminAboveItself.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.NotEqual(grandchild, greatGrandchild);
        Assert.NotNull(otherRoot);
    }

    [Fact]
    public async Task TheStatusIsVisibleOnlyToCallersWhoCanSeeTheParent()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();
        var (_, otherKey) = await app.SignUpAsync();
        var child = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Child" });
        var childKey = await ProvisioningHttp.KeyAsync(app, key, child, "admin");
        using var response = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "Sibling" });
        var instanceId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await ProvisioningHttp.WaitAsync(app, key, instanceId);

        using var stranger = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/provisioning/{instanceId}", otherKey));
        using var belowParent = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/provisioning/{instanceId}", childKey));
        using var unknown = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, "api/provisioning/prov-unknown", key));

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, belowParent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await stranger.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnInvalidRequestIs400NamingEachField()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();

        using var response = await ProvisioningHttp.StartAsync(app, key, rootId,
            """{"overrides":{"locale":"xx_not","nope":1},"copy":{"roles":"yes","senderIds":["a b"]},"extra":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["copy.roles", "copy.senderIds[0]", "extra", "name", "overrides.locale", "overrides.nope"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ASenderIdTheParentLacksIs400AndOnesItHasAreAttached()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();
        var tables = app.Services.GetRequiredService<OrgTables>();
        var root = OrgPath.Root(OrgId.Parse(rootId));
        await OrgContentBuilder.SenderIdAsync(tables, root, "brand-uk");

        using var unknown = await ProvisioningHttp.StartAsync(app, key, rootId, new { name = "X", copy = new { senderIds = new[] { "brand-uk", "brand-us" } } });
        var child = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Y", copy = new { senderIds = new[] { "brand-uk" } } });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["copy.senderIds[1]"], (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .EnumerateObject().Select(p => p.Name));
        var attached = await OrgContentBuilder.RowsAsync(tables, root.Child(OrgId.Parse(child)), RowKeys.SenderPrefix(OrgId.Parse(child)));
        Assert.Equal("brand-uk", Assert.Single(attached).GetString("SenderId"));
    }

    /// <summary>
    /// Of racing provisioning requests: how many ended completed. Each one refused at once is a 409; each other one that
    /// didn't complete failed at <paramref name="losingStep"/> with <paramref name="reason"/> in its error.
    /// </summary>
    private static async Task<int> CompletedOfRaceAsync(AppHost app, string key, HttpResponseMessage[] responses, string losingStep, string reason)
    {
        var completed = 0;
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                continue;
            }
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var status = await ProvisioningHttp.WaitAsync(app, key, id);
            if (status.GetProperty("status").GetString() == "completed")
            {
                completed++;
                continue;
            }
            Assert.Equal(losingStep, status.GetProperty("step").GetString());
            Assert.Contains(reason, status.GetProperty("error").GetString());
        }
        return completed;
    }

    private static async Task<List<JsonElement>> ChildrenAsync(AppHost app, string key, string orgId) =>
        (await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{orgId}/children")).GetProperty("items").EnumerateArray().ToList();

    private static async Task<List<DomainEvent>> EventsAsync(AppHost app, string rootId)
    {
        var tables = app.Services.GetRequiredService<OrgTables>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {rootId} and RowKey ge {RowKeys.EventPrefix} and RowKey lt {RowKeys.PrefixEnd(RowKeys.EventPrefix)}");
        var events = new List<DomainEvent>();
        await foreach (var row in tables.Orgs.QueryAsync<EventEntity>(filter))
        {
            events.Add(OutboxRows.Read(row));
        }
        return events;
    }
}
