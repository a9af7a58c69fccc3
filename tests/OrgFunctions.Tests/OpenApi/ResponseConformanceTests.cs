using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.OpenApi;

/// <summary>Real answers of the app, for each kind of route and error, match the schemas the document gives them.</summary>
public class ResponseConformanceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _storage = new(azurite);

    [Fact]
    public async Task SignUpOrgReadsChangesListingsAndDeleteMatchTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var signup = await Send(app, HttpMethod.Post, "api/signup", null, new
        {
            orgName = "Conformance " + Guid.NewGuid().ToString("N")[..8],
            owner = new { email = $"owner-{Guid.NewGuid():N}@example.com", displayName = "Owner" },
        });
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        var created = (await DocumentedResponses.AssertConformsAsync(signup, "/signup", "post"))!.Value;
        var (rootId, key) = (created.GetProperty("org").GetProperty("id").GetString()!, created.GetProperty("apiKey").GetProperty("secret").GetString()!);
        var child = await ChildAsync(rootId);
        await ChildAsync(rootId);

        var get = await Send(app, HttpMethod.Get, $"api/orgs/{rootId}", key);
        await AssertOk(get, "/orgs/{orgId}", "get");
        var patch = AppHost.Request(HttpMethod.Patch, $"api/orgs/{rootId}", key, new { description = "Described" });
        patch.Headers.IfMatch.Add(get.Headers.ETag!);
        await AssertOk(await app.Client.SendAsync(patch), "/orgs/{orgId}", "patch");
        await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{rootId}/children", key), "/orgs/{orgId}/children", "get");
        var page = await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{rootId}/descendants?maxPerPage=1", key),
            "/orgs/{orgId}/descendants", "get");
        Assert.Equal(JsonValueKind.String, page.GetProperty("continuationToken").ValueKind);

        var delete = await Send(app, HttpMethod.Delete, $"api/orgs/{child.Org.Id}", key);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await DocumentedResponses.AssertConformsAsync(delete, "/orgs/{orgId}", "delete");
    }

    [Fact]
    public async Task SettingsOfARootAndOfAnInheritingChildMatchTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();
        var child = await ChildAsync(rootId);

        await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{rootId}/settings", key), "/orgs/{orgId}/settings", "get");
        var inherited = await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{child.Org.Id}/settings", key), "/orgs/{orgId}/settings", "get");
        Assert.Equal(rootId, inherited.GetProperty("channels").GetProperty("sms").GetProperty("inheritedFrom").GetString());
        await AssertOk(await Send(app, HttpMethod.Patch, $"api/orgs/{child.Org.Id}/settings", key,
            new { loginAttempts = 7, channels = new { voice = true } }), "/orgs/{orgId}/settings", "patch");
        await AssertOk(await Send(app, HttpMethod.Post, $"api/orgs/{child.Org.Id}/settings/reset", key,
            new { names = new[] { "loginAttempts" } }), "/orgs/{orgId}/settings/reset", "post");
    }

    [Fact]
    public async Task RolesAndApiKeysMatchTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/roles", key), "/orgs/{orgId}/roles", "get");
        var create = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/roles", key, new { name = "Auditor", permissions = new[] { "orgs.read", "reports.read" } });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var roleId = (await DocumentedResponses.AssertConformsAsync(create, "/orgs/{orgId}/roles", "post"))!.Value.GetProperty("id").GetString();
        await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/roles/{roleId}", key), "/orgs/{orgId}/roles/{roleId}", "get");
        await AssertOk(await Send(app, HttpMethod.Put, $"api/orgs/{orgId}/roles/{roleId}", key, new { name = "Auditors", permissions = new[] { "orgs.read" } }),
            "/orgs/{orgId}/roles/{roleId}", "put");

        var issue = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/api-keys", key, new { name = "CI", roleId = "member" });
        Assert.Equal(HttpStatusCode.Created, issue.StatusCode);
        var keyId = (await DocumentedResponses.AssertConformsAsync(issue, "/orgs/{orgId}/api-keys", "post"))!.Value.GetProperty("id").GetString();
        var revoke = await Send(app, HttpMethod.Delete, $"api/orgs/{orgId}/api-keys/{keyId}", key);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await DocumentedResponses.AssertConformsAsync(revoke, "/orgs/{orgId}/api-keys/{keyId}", "delete");
        // Listed after use and revocation, so lastUsedAt and revokedAt are both checked with values.
        await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/api-keys", key), "/orgs/{orgId}/api-keys", "get");

        var deleteRole = await Send(app, HttpMethod.Delete, $"api/orgs/{orgId}/roles/{roleId}", key);
        Assert.Equal(HttpStatusCode.NoContent, deleteRole.StatusCode);
        await DocumentedResponses.AssertConformsAsync(deleteRole, "/orgs/{orgId}/roles/{roleId}", "delete");
    }

    [Fact]
    public async Task TemplatesMatchTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var templates = $"api/orgs/{orgId}/templates";

        var create = await Send(app, HttpMethod.Post, templates, key,
            new { name = "order_shipped", language = "en-gb", category = "UTILITY", body = "Hi {{1}}, order {{2}} shipped." });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (await DocumentedResponses.AssertConformsAsync(create, "/orgs/{orgId}/templates", "post"))!.Value.GetProperty("id").GetString();
        await AssertOk(await Send(app, HttpMethod.Get, templates, key), "/orgs/{orgId}/templates", "get");
        await AssertOk(await Send(app, HttpMethod.Get, $"{templates}/{id}", key), "/orgs/{orgId}/templates/{templateId}", "get");
        await AssertOk(await Send(app, HttpMethod.Put, $"{templates}/{id}", key,
            new { name = "order_shipped", language = "en-GB", category = "UTILITY", body = "Order {{1}} shipped.", status = "APPROVED" }),
            "/orgs/{orgId}/templates/{templateId}", "put");
        var duplicate = await Send(app, HttpMethod.Post, templates, key,
            new { name = "order_shipped", language = "en-GB", category = "MARKETING", body = "Again." });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        await DocumentedResponses.AssertConformsAsync(duplicate, "/orgs/{orgId}/templates", "post");
        var delete = await Send(app, HttpMethod.Delete, $"{templates}/{id}", key);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await DocumentedResponses.AssertConformsAsync(delete, "/orgs/{orgId}/templates/{templateId}", "delete");
    }

    [Fact]
    public async Task WebhooksTheirDeliveriesAndTheEventCatalogueMatchTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var webhooks = $"api/orgs/{orgId}/webhooks";

        var create = await Send(app, HttpMethod.Post, webhooks, key,
            new { url = "http://127.0.0.1:9/hooks", events = new[] { "webhook.test" }, description = "Conformance" });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (await DocumentedResponses.AssertConformsAsync(create, "/orgs/{orgId}/webhooks", "post"))!.Value
            .GetProperty("subscription").GetProperty("id").GetString();
        var one = $"{webhooks}/{id}";
        await AssertOk(await Send(app, HttpMethod.Get, webhooks, key), "/orgs/{orgId}/webhooks", "get");
        await AssertOk(await Send(app, HttpMethod.Get, one, key), "/orgs/{orgId}/webhooks/{id}", "get");
        await AssertOk(await Send(app, HttpMethod.Patch, one, key, new { includeDescendants = false }), "/orgs/{orgId}/webhooks/{id}", "patch");
        await AssertOk(await Send(app, HttpMethod.Post, $"{one}/rotate-secret", key), "/orgs/{orgId}/webhooks/{id}/rotate-secret", "post");
        var test = await Send(app, HttpMethod.Post, $"{one}/test", key);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        var deliveryId = (await DocumentedResponses.AssertConformsAsync(test, "/orgs/{orgId}/webhooks/{id}/test", "post"))!.Value
            .GetProperty("id").GetString();
        await AssertOk(await Send(app, HttpMethod.Get, $"{one}/deliveries?maxPerPage=10", key), "/orgs/{orgId}/webhooks/{id}/deliveries", "get");
        var redeliver = await Send(app, HttpMethod.Post, $"{one}/deliveries/{deliveryId}/redeliver", key);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await DocumentedResponses.AssertConformsAsync(redeliver, "/orgs/{orgId}/webhooks/{id}/deliveries/{deliveryId}/redeliver", "post");
        var badStatus = await Send(app, HttpMethod.Get, $"{one}/deliveries?status=lost", key);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        await DocumentedResponses.AssertConformsAsync(badStatus, "/orgs/{orgId}/webhooks/{id}/deliveries", "get");
        var catalogue = await AssertOk(await Send(app, HttpMethod.Get, "api/webhook-events", key), "/webhook-events", "get");
        Assert.True(catalogue.GetProperty("items").GetArrayLength() > 5);
        var delete = await Send(app, HttpMethod.Delete, one, key);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await DocumentedResponses.AssertConformsAsync(delete, "/orgs/{orgId}/webhooks/{id}", "delete");
    }

    [Fact]
    public async Task ProvisioningAndItsStatusMatchTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var start = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/children", key,
            new { name = "Provisioned", overrides = new { loginAttempts = 4 }, copy = new { roles = false } });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var started = (await DocumentedResponses.AssertConformsAsync(start, "/orgs/{orgId}/children", "post"))!.Value;
        var instanceId = started.GetProperty("id").GetString()!;
        await AssertOk(await Send(app, HttpMethod.Get, $"api/provisioning/{instanceId}", key), "/provisioning/{instanceId}", "get");
        var done = await ProvisioningHttp.WaitAsync(app, key, instanceId);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        await AssertOk(await Send(app, HttpMethod.Get, $"api/provisioning/{instanceId}", key), "/provisioning/{instanceId}", "get");
        var taken = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/children", key, new { name = "provisioned" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        await DocumentedResponses.AssertConformsAsync(taken, "/orgs/{orgId}/children", "post");
    }

    [Fact]
    public async Task BlocklistSmartPhrasesAndImportsMatchTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var blocklist = $"api/orgs/{orgId}/blocklist";

        var added = await Send(app, HttpMethod.Post, blocklist, key,
            new { channel = "SMS", identifier = "+44 7700 900123", reason = "Asked us to stop", until = "2099-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var entry = (await DocumentedResponses.AssertConformsAsync(added, "/orgs/{orgId}/blocklist", "post"))!.Value;
        await AssertOk(await Send(app, HttpMethod.Post, blocklist, key, new { channel = "sms", identifier = "+447700900123" }),
            "/orgs/{orgId}/blocklist", "post");
        await AssertOk(await Send(app, HttpMethod.Get, blocklist, key), "/orgs/{orgId}/blocklist", "get");
        var check = await AssertOk(await Send(app, HttpMethod.Get, $"{blocklist}/check?channel=sms&identifier=%2B447700900123", key),
            "/orgs/{orgId}/blocklist/check", "get");
        Assert.True(check.GetProperty("blocked").GetBoolean());
        await AssertOk(await Send(app, HttpMethod.Get, $"{blocklist}/check?channel=email&identifier=nobody%40example.com", key),
            "/orgs/{orgId}/blocklist/check", "get");
        var stop = await AssertOk(await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/inbound", key,
            new { channel = "email", from = "Someone@Example.com", text = "STOP" }), "/orgs/{orgId}/inbound", "post");
        Assert.True(stop.GetProperty("stopped").GetBoolean());
        await AssertOk(await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/inbound", key,
            new { channel = "email", from = "someone@example.com", text = "Thanks!" }), "/orgs/{orgId}/inbound", "post");
        var removed = await Send(app, HttpMethod.Delete, $"{blocklist}/sms/{Uri.EscapeDataString(entry.GetProperty("identifier").GetString()!)}", key);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await DocumentedResponses.AssertConformsAsync(removed, "/orgs/{orgId}/blocklist/{channel}/{identifier}", "delete");

        var phrases = $"api/orgs/{orgId}/smart-phrases";
        var created = await Send(app, HttpMethod.Post, phrases, key, new { shortcut = "thanks", text = "Thank you for waiting.", tags = new[] { "polite" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await DocumentedResponses.AssertConformsAsync(created, "/orgs/{orgId}/smart-phrases", "post"))!.Value.GetProperty("id").GetString();
        await AssertOk(await Send(app, HttpMethod.Get, phrases, key), "/orgs/{orgId}/smart-phrases", "get");
        await AssertOk(await Send(app, HttpMethod.Get, $"{phrases}?search=waiting", key), "/orgs/{orgId}/smart-phrases", "get");
        await AssertOk(await Send(app, HttpMethod.Get, $"{phrases}/{id}", key), "/orgs/{orgId}/smart-phrases/{id}", "get");
        await AssertOk(await Send(app, HttpMethod.Put, $"{phrases}/{id}", key, new { shortcut = "ty", text = "Thanks!" }),
            "/orgs/{orgId}/smart-phrases/{id}", "put");
        var taken = await Send(app, HttpMethod.Post, phrases, key, new { shortcut = "TY", text = "Again" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        await DocumentedResponses.AssertConformsAsync(taken, "/orgs/{orgId}/smart-phrases", "post");
        var deleted = await Send(app, HttpMethod.Delete, $"{phrases}/{id}", key);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await DocumentedResponses.AssertConformsAsync(deleted, "/orgs/{orgId}/smart-phrases/{id}", "delete");

        await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/imports", key), "/orgs/{orgId}/imports", "get");
    }

    [Fact]
    public async Task TheActivityFeedMatchesTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        await app.Services.GetRequiredService<OrgFunctions.Webhooks.FanOutService>().FanOutTreeAsync(orgId, default);

        var page = await AssertOk(await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/activity?types=org.*,apikey.*", key),
            "/orgs/{orgId}/activity", "get");
        Assert.NotEqual(0, page.GetProperty("items").GetArrayLength());
        var bad = await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/activity?types=nosuch.*&since=yesterday", key);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await DocumentedResponses.AssertConformsAsync(bad, "/orgs/{orgId}/activity", "get");
    }

    [Fact]
    public async Task EachKindOfProblemMatchesTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var memberKey = await _storage.Trees.KeyAsync(await RootAsync(orgId), "member");

        var cases = new (HttpResponseMessage Response, HttpStatusCode Status, string Path, string Method)[]
        {
            (await Send(app, HttpMethod.Post, "api/signup", null, """{"orgName":"","owner":{"email":"x"},"plan":1}"""),
                HttpStatusCode.BadRequest, "/signup", "post"),
            (await Send(app, HttpMethod.Patch, $"api/orgs/{orgId}", key, """{"name": """), HttpStatusCode.BadRequest, "/orgs/{orgId}", "patch"),
            (await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/descendants?maxPerPage=0", key), HttpStatusCode.BadRequest,
                "/orgs/{orgId}/descendants", "get"),
            (await Send(app, HttpMethod.Get, $"api/orgs/{orgId}", "ofk_not_a_key"), HttpStatusCode.Unauthorized, "/orgs/{orgId}", "get"),
            (await Send(app, HttpMethod.Patch, $"api/orgs/{orgId}/settings", memberKey, new { loginAttempts = 3 }), HttpStatusCode.Forbidden,
                "/orgs/{orgId}/settings", "patch"),
            (await Send(app, HttpMethod.Get, $"api/orgs/{OrgId.New()}/roles", key), HttpStatusCode.NotFound, "/orgs/{orgId}/roles", "get"),
            (await Send(app, HttpMethod.Delete, $"api/orgs/{orgId}/roles/owner", key), HttpStatusCode.Conflict, "/orgs/{orgId}/roles/{roleId}", "delete"),
            (await StalePatchAsync(app, orgId, key), HttpStatusCode.PreconditionFailed, "/orgs/{orgId}", "patch"),
            (await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/roles", key, "{\"name\":\"" + new string('x', 1_100_000) + "\"}"),
                HttpStatusCode.RequestEntityTooLarge, "/orgs/{orgId}/roles", "post"),
        };

        foreach (var (response, status, path, method) in cases)
        {
            Assert.True(status == response.StatusCode, $"{method} {path}: expected {status}, got {response.StatusCode}");
            var problem = (await DocumentedResponses.AssertConformsAsync(response, path, method))!.Value;
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task HealthMatchesTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);

        await AssertOk(await Send(app, HttpMethod.Get, "api/health", null), "/health", "get");
    }

    private static Task<HttpResponseMessage> Send(AppHost app, HttpMethod method, string path, string? key, object? body = null) =>
        app.Client.SendAsync(AppHost.Request(method, path, key, body));

    private static async Task<JsonElement> AssertOk(HttpResponseMessage response, string path, string method)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await DocumentedResponses.AssertConformsAsync(response, path, method))!.Value;
    }

    private static async Task<HttpResponseMessage> StalePatchAsync(AppHost app, string orgId, string key)
    {
        var request = AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, new { description = "x" });
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\"", isWeak: true));
        return await app.Client.SendAsync(request);
    }

    private async Task<OrgRecord> RootAsync(string rootId) =>
        (await _storage.Get<OrgStore>().GetAsync(OrgTreeBuilder.Locate(OrgPath.Root(OrgId.Parse(rootId))), default))!;

    private async Task<OrgRecord> ChildAsync(string rootId) => await _storage.Trees.ChildAsync(await RootAsync(rootId));
}
