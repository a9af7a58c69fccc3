using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

/// <summary>The subscription routes over HTTP: secrets, validation, URL safety, visibility and permission.</summary>
[Collection(WebhookEndToEndCollection.Name)]
public class WebhooksFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] Strict = ["--Webhooks:AllowHttp=false", "--Webhooks:AllowLoopback=false"];

    [Fact]
    public async Task TheSecretIsReturnedAtCreationAndRotationOnlyAndRotationChangesIt()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var (id, secret) = await WebhookEndToEndTests.SubscribeAsync(app, orgId, key, "https://127.0.0.1/hook", ["*"]);
        var get = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/webhooks/{id}", key));
        var list = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/webhooks", key));
        var rotate = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/webhooks/{id}/rotate-secret", key));

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(get.Headers.ETag);
        Assert.DoesNotContain("whsec_", await get.Content.ReadAsStringAsync());
        Assert.DoesNotContain("whsec_", await list.Content.ReadAsStringAsync());
        var rotated = (await rotate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
        Assert.StartsWith("whsec_", rotated);
        Assert.NotEqual(secret, rotated);
        var body = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("includeDescendants").GetBoolean());
        Assert.True(body.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task AnInvalidSubscriptionIsA400NamingEachField()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/webhooks", key,
            """{"events":["org.updated","no.such"],"includeDescendants":"yes","colour":"red"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["colour", "events[1]", "includeDescendants", "url"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("https://10.0.0.5/hook", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "metadata")]
    [InlineData("https://[fe80::1]/hook", "linklocal")]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://[::127.0.0.1]/hook", "loopback")]
    [InlineData("https://[::169.254.169.254]/hook", "metadata")]
    [InlineData("https://[::ffff:0:127.0.0.1]/hook", "loopback")]
    [InlineData("https://[::ffff:0:169.254.169.254]/hook", "metadata")]
    [InlineData("https://[2002:7f00:1::1]/hook", "loopback")]
    [InlineData("https://[64:ff9b::7f00:1]/hook", "loopback")]
    [InlineData("https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook", "loopback")]
    [InlineData("http://93.184.216.34/hook", "https")]
    public async Task UnsafeUrlsAreRefusedAtSubscriptionTime(string url, string reason)
    {
        await using var app = await AppHost.StartAsync(azurite, null, Strict);
        var (orgId, key) = await app.SignUpAsync();

        var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/webhooks", key,
            new { url, events = new[] { "*" } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(reason, errors.GetProperty("url")[0].GetString()!.Replace("-", ""));
    }

    [Fact]
    public async Task AnotherTreesSubscriptionsAreNotFoundAndAMemberKeyIsForbidden()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var (otherOrg, otherKey) = await app.SignUpAsync();
        var (id, _) = await WebhookEndToEndTests.SubscribeAsync(app, orgId, key, "https://127.0.0.1/hook", ["*"]);
        var issued = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/api-keys", key,
            new { name = "member", roleId = "member" }));
        var memberKey = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();

        var stranger = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/webhooks/{id}", otherKey));
        var member = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/webhooks", memberKey));
        var anonymous = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/webhooks", null));
        var missing = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{otherOrg}/webhooks/{id}", otherKey));

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task PatchWithAStaleETagIs412AndDeleteRemovesTheSubscription()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var (id, _) = await WebhookEndToEndTests.SubscribeAsync(app, orgId, key, "https://127.0.0.1/hook", ["*"]);
        var get = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/webhooks/{id}", key));
        var etag = get.Headers.ETag!.ToString();

        var patch = AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}/webhooks/{id}", key, new { description = "v2", includeDescendants = false });
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        var first = await app.Client.SendAsync(patch);
        var stale = AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}/webhooks/{id}", key, new { description = "v3" });
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var second = await app.Client.SendAsync(stale);
        var delete = await app.Client.SendAsync(AppHost.Request(HttpMethod.Delete, $"api/orgs/{orgId}/webhooks/{id}", key));
        var gone = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/webhooks/{id}", key));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("includeDescendants").GetBoolean());
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task TheEventCatalogueListsEveryTypeWithAnExampleAndTheLogRefusesAnUnknownStatus()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var (id, _) = await WebhookEndToEndTests.SubscribeAsync(app, orgId, key, "https://127.0.0.1/hook", ["*"]);

        var catalogue = await WebhookEndToEndTests.GetJsonAsync(app, "api/webhook-events", key);
        var badStatus = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/webhooks/{id}/deliveries?status=lost", key));

        var items = catalogue.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(WebhookEventCatalog.Entries.Select(e => e.Type), items.Select(i => i.GetProperty("type").GetString()));
        Assert.All(items, i => Assert.Equal(i.GetProperty("type").GetString(), i.GetProperty("example").GetProperty("type").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }
}
