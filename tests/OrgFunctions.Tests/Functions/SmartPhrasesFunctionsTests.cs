using System.Net;
using System.Text.Json;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

public class SmartPhrasesFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, string? ETag)> SendAsync(AppHost app, HttpMethod method, string path, string key,
        object? body = null, string? ifMatch = null)
    {
        var request = AppHost.Request(method, path, key, body);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task CreateGetReplaceAndDeleteAPhrase()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var created = await SendAsync(app, HttpMethod.Post, $"api/orgs/{orgId}/smart-phrases", key, new { shortcut = "hello", text = "Hello! How can I help?", tags = new[] { "greeting", " greeting " } });
        var id = created.Body.GetProperty("id").GetString()!;
        var got = await SendAsync(app, HttpMethod.Get, $"api/orgs/{orgId}/smart-phrases/{id}", key);
        var replaced = await SendAsync(app, HttpMethod.Put, $"api/orgs/{orgId}/smart-phrases/{id}", key, new { shortcut = "hi", text = "Hi!" }, got.ETag);
        var stale = await SendAsync(app, HttpMethod.Put, $"api/orgs/{orgId}/smart-phrases/{id}", key, new { shortcut = "hey", text = "Hey" }, got.ETag);
        var reuseOld = await SendAsync(app, HttpMethod.Post, $"api/orgs/{orgId}/smart-phrases", key, new { shortcut = "hello", text = "Hello again" });
        var deleted = await SendAsync(app, HttpMethod.Delete, $"api/orgs/{orgId}/smart-phrases/{id}", key);
        var gone = await SendAsync(app, HttpMethod.Get, $"api/orgs/{orgId}/smart-phrases/{id}", key);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(["greeting"], created.Body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Hello! How can I help?", got.Body.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("hi", replaced.Body.GetProperty("shortcut").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal(HttpStatusCode.Created, reuseOld.Status);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
    }

    [Fact]
    public async Task ShortcutsAreUniquePerOrgIgnoringCaseAndAccents()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        await SendAsync(app, HttpMethod.Post, $"api/orgs/{orgId}/smart-phrases", key, new { shortcut = "Café", text = "Coffee?" });
        var clash = await SendAsync(app, HttpMethod.Post, $"api/orgs/{orgId}/smart-phrases", key, new { shortcut = "CAFE", text = "Coffee!" });

        Assert.Equal(HttpStatusCode.Conflict, clash.Status);
    }

    [Fact]
    public async Task SearchIsRankedAndIgnoresCaseAndAccents()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        foreach (var (shortcut, text, tags) in new[]
                 {
                     ("refund-policy", "Our refund policy", new[] { "billing" }),
                     ("refund", "We issued a réfund", Array.Empty<string>()),
                     ("delay", "Sorry, your REFUND is late", Array.Empty<string>()),
                     ("money", "Money back", new[] { "Refund" }),
                     ("hello", "Hello", Array.Empty<string>()),
                 })
        {
            await SendAsync(app, HttpMethod.Post, $"api/orgs/{orgId}/smart-phrases", key, new { shortcut, text, tags });
        }

        var found = await SendAsync(app, HttpMethod.Get, $"api/orgs/{orgId}/smart-phrases?search=R%C3%A9fund", key);
        var all = await SendAsync(app, HttpMethod.Get, $"api/orgs/{orgId}/smart-phrases", key);

        Assert.Equal(["refund", "refund-policy", "money", "delay"],
            found.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("shortcut").GetString()));
        Assert.Equal(5, all.Body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task InvalidPhrasesAre400AndMembersCanReadButNotWrite()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var owner = await orgs.Trees.KeyAsync(root);
        var member = await orgs.Trees.KeyAsync(root, SystemRoles.MemberId);

        var invalid = await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/smart-phrases", owner, new { shortcut = "two words", text = "" });
        var write = await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/smart-phrases", member, new { shortcut = "x", text = "y" });
        var read = await SendAsync(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/smart-phrases?search=x", member);
        var unknownId = await SendAsync(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/smart-phrases/sp_00000000000000000000", owner);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["shortcut", "text"], invalid.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, write.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownId.Status);
    }
}
