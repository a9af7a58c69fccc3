using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// Bad input over HTTP: RFC 9457 problem+json 400 naming every invalid field (413 for a body over 1 MB), judged before
/// the org is looked up, and nothing written: the tree's partition (orgs, settings, roles, keys, outbox) is unchanged.
/// </summary>
public class BadInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string LongName = new('n', 201);

    [Fact]
    public async Task OrgPatchNamesEachInvalidField()
    {
        await using var scene = await SceneAsync();
        var org = $"api/orgs/{scene.Org}";

        await scene.RefusedAsync(HttpMethod.Patch, org, """{"name":"Fine","colour":"red","parentId":"x"}""", "colour", "parentId");
        await scene.RefusedAsync(HttpMethod.Patch, org, """{"name":5,"description":true}""", "description", "name");
        await scene.RefusedAsync(HttpMethod.Patch, org, """{"name":""}""", "name");
        await scene.RefusedAsync(HttpMethod.Patch, org, """{"name":"   "}""", "name");
        await scene.RefusedAsync(HttpMethod.Patch, org, $$"""{"name":"{{LongName}}"}""", "name");
        await scene.RefusedAsync(HttpMethod.Patch, org, $$"""{"name":"ok","description":"{{new string('d', 1001)}}"}""", "description");
    }

    [Fact]
    public async Task SettingsPatchNamesEachInvalidSetting()
    {
        await using var scene = await SceneAsync();
        var settings = $"api/orgs/{scene.Org}/settings";

        await scene.RefusedAsync(HttpMethod.Patch, settings,
            """{"locale":"xx-NOPE-1","timeZone":"Mars/Olympus_Mons","loginAttempts":0,"sessionTimeoutMinutes":1441}""",
            "locale", "loginAttempts", "sessionTimeoutMinutes", "timeZone");
        await scene.RefusedAsync(HttpMethod.Patch, settings, """{"loginAttempts":21,"sessionTimeoutMinutes":4}""",
            "loginAttempts", "sessionTimeoutMinutes");
        await scene.RefusedAsync(HttpMethod.Patch, settings, """{"loginAttempts":"5","sessionTimeoutMinutes":30.5,"locale":7}""",
            "locale", "loginAttempts", "sessionTimeoutMinutes");
        await scene.RefusedAsync(HttpMethod.Patch, settings, """{"channels":{"fax":true,"sms":"yes"},"features":[],"theme":"dark"}""",
            "channels.fax", "channels.sms", "features", "theme");
        await scene.RefusedAsync(HttpMethod.Patch, settings, "{}", "settings");

        // The bounds themselves are valid.
        var ok = await HttpAnswer.SendAsync(scene.App, AppHost.Request(HttpMethod.Patch, settings, scene.Key,
            """{"loginAttempts":20,"sessionTimeoutMinutes":5,"locale":"fr-FR","timeZone":"America/New_York"}"""));
        Assert.Equal(HttpStatusCode.OK, ok.Status);
    }

    [Fact]
    public async Task SettingsResetNamesEachInvalidField()
    {
        await using var scene = await SceneAsync();
        var reset = $"api/orgs/{scene.Org}/settings/reset";

        await scene.RefusedAsync(HttpMethod.Post, reset, """{"names":["locale","colour"]}""", "names");
        await scene.RefusedAsync(HttpMethod.Post, reset, """{"names":"locale","all":true}""", "all", "names");
        await scene.RefusedAsync(HttpMethod.Post, reset, """{"names":[1]}""", "names[0]");
        await scene.RefusedAsync(HttpMethod.Post, reset, "{}", "names");
    }

    [Fact]
    public async Task RoleBodiesNameEachInvalidField()
    {
        await using var scene = await SceneAsync();
        var roles = $"api/orgs/{scene.Org}/roles";
        var role = $"{roles}/{scene.Role}";

        await scene.RefusedAsync(HttpMethod.Post, roles, """{"name":"Ops","permissions":["orgs.read","orgs.fly","root"]}""",
            "permissions[1]", "permissions[2]");
        await scene.RefusedAsync(HttpMethod.Post, roles, """{"name":"","permissions":"orgs.read","level":3}""", "level", "name", "permissions");
        await scene.RefusedAsync(HttpMethod.Post, roles, $$"""{"name":"{{new string('r', 101)}}","permissions":[]}""", "name");
        await scene.RefusedAsync(HttpMethod.Put, role, """{"name":"Ops","permissions":["billing.steal"]}""", "permissions[0]");
        await scene.RefusedAsync(HttpMethod.Put, role, """{"permissions":[true]}""", "name", "permissions[0]");
    }

    [Fact]
    public async Task ApiKeyBodiesNameEachInvalidField()
    {
        await using var scene = await SceneAsync();
        var keys = $"api/orgs/{scene.Org}/api-keys";

        await scene.RefusedAsync(HttpMethod.Post, keys, """{"name":"CI","roleId":"member","secret":"mine"}""", "secret");
        await scene.RefusedAsync(HttpMethod.Post, keys, """{"name":42}""", "name", "roleId");
        await scene.RefusedAsync(HttpMethod.Post, keys, """{"name":"CI","roleId":"no-such-role"}""", "roleId");
    }

    [Fact]
    public async Task MalformedOrNonObjectJsonIs400OnEveryBodyRoute()
    {
        await using var scene = await SceneAsync();
        foreach (var (method, path) in scene.BodyRoutes)
        {
            foreach (var body in new[] { "{not json", """{"name":"a",}""", """{"name":"a","name":"b"}""", "[]", "\"text\"", "" })
            {
                await scene.RefusedAsync(method, path, body);
            }
        }
    }

    [Fact]
    public async Task ABodyOverOneMegabyteIs413OnEveryBodyRouteWithOrWithoutContentLength()
    {
        await using var scene = await SceneAsync();
        var huge = "{\"description\":\"" + new string('x', 1024 * 1024) + "\"}";
        foreach (var (method, path) in scene.BodyRoutes)
        {
            await scene.RefusedAsync(method, path, huge, status: HttpStatusCode.RequestEntityTooLarge);
            await scene.RefusedAsync(method, path, new StreamContent(new UnseekableStream(System.Text.Encoding.UTF8.GetBytes(huge))),
                status: HttpStatusCode.RequestEntityTooLarge);
        }
    }

    [Fact]
    public async Task BadInputIsJudgedBeforeTheOrgIsLookedUp()
    {
        await using var scene = await SceneAsync();
        var missing = Domain.Orgs.OrgId.New().Value;

        await scene.RefusedAsync(HttpMethod.Patch, $"api/orgs/{missing}", """{"colour":"red"}""", "colour");
        await scene.RefusedAsync(HttpMethod.Patch, $"api/orgs/{scene.Hidden}/settings", """{"loginAttempts":0}""", "loginAttempts");
    }

    private async Task<Scene> SceneAsync()
    {
        // A frozen clock: the key's lastUsedAt is written on its first use (below) and never again, so the snapshots hold still.
        var clock = new FrozenClock(DateTimeOffset.UtcNow);
        var app = await AppHost.StartAsync(azurite, (services, _) => services.AddSingleton<TimeProvider>(clock));
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}", signup.ApiKey.Secret));
        var child = await orgs.Trees.ChildAsync(root);
        var role = await orgs.Trees.CustomRoleAsync(child, [Permission.OrgsRead], "Ops");
        var hiddenRoot = (await orgs.Trees.RootAsync()).Root;
        return new Scene(app, orgs, root, child.Org.Id.Value, role, hiddenRoot.Org.Id.Value, signup.ApiKey.Secret);
    }

    private sealed record Scene(AppHost App, OrgApp Orgs, OrgRecord Root, string Org, string Role, string Hidden, string Key) : IAsyncDisposable
    {
        public IEnumerable<(HttpMethod, string)> BodyRoutes =>
        [
            (HttpMethod.Patch, $"api/orgs/{Org}"),
            (HttpMethod.Patch, $"api/orgs/{Org}/settings"),
            (HttpMethod.Post, $"api/orgs/{Org}/settings/reset"),
            (HttpMethod.Post, $"api/orgs/{Org}/roles"),
            (HttpMethod.Put, $"api/orgs/{Org}/roles/{Role}"),
            (HttpMethod.Post, $"api/orgs/{Org}/api-keys"),
        ];

        /// <summary>Sends a bad request: problem+json with the status, naming exactly <paramref name="fields"/>; nothing written.</summary>
        public Task RefusedAsync(HttpMethod method, string path, string body, params string[] fields) =>
            RefusedAsync(method, path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, fields);

        public Task RefusedAsync(HttpMethod method, string path, string body, HttpStatusCode status) =>
            RefusedAsync(method, path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), status, []);

        public async Task RefusedAsync(HttpMethod method, string path, HttpContent content, HttpStatusCode status, string[]? fields = null)
        {
            var before = await PartitionSnapshot.TakeAsync(Orgs, Root.Org.Id.Value);
            var request = AppHost.Request(method, path, Key);
            request.Content = content;

            var answer = await HttpAnswer.SendAsync(App, request);

            Assert.True(status == answer.Status, $"{method} {path}: {answer}");
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Equal((int)status, answer.Json.GetProperty("status").GetInt32());
            Assert.StartsWith("https://orgfunctions.dev/problems/", answer.Json.GetProperty("type").GetString());
            if (fields is { Length: > 0 })
            {
                Assert.Equal(fields.Order(StringComparer.Ordinal),
                    answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            }
            Assert.Equal(before, await PartitionSnapshot.TakeAsync(Orgs, Root.Org.Id.Value));
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>A body HttpClient can't measure, so it is sent chunked, without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
