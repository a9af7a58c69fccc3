using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

public class BlocklistFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(AppHost app, HttpMethod method, string path, string key, object? body = null)
    {
        var response = await app.Client.SendAsync(AppHost.Request(method, path, key, body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    [Fact]
    public async Task AddListCheckAndRemoveAnEntryWithItsIdentifierNormalised()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var added = await SendAsync(app, HttpMethod.Post, $"api/orgs/{orgId}/blocklist", key,
            new { channel = "SMS", identifier = "00353 87 123 4567", reason = "complaint" });
        var again = await SendAsync(app, HttpMethod.Post, $"api/orgs/{orgId}/blocklist", key, new { channel = "sms", identifier = "+353871234567", reason = "complaint" });
        var list = await SendAsync(app, HttpMethod.Get, $"api/orgs/{orgId}/blocklist", key);
        var check = await SendAsync(app, HttpMethod.Get, $"api/orgs/{orgId}/blocklist/check?channel=sms&identifier=%2B353%2087%20123%204567", key);

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal("+353871234567", added.Body.GetProperty("identifier").GetString());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Single(list.Body.GetProperty("items").EnumerateArray());
        Assert.True(check.Body.GetProperty("blocked").GetBoolean());
        Assert.Equal(orgId, check.Body.GetProperty("by").GetString());
        Assert.Equal("complaint", check.Body.GetProperty("reason").GetString());

        var removed = await SendAsync(app, HttpMethod.Delete, $"api/orgs/{orgId}/blocklist/sms/%2B353871234567", key);
        var after = await SendAsync(app, HttpMethod.Get, $"api/orgs/{orgId}/blocklist/check?channel=sms&identifier=%2B353871234567", key);
        var removedAgain = await SendAsync(app, HttpMethod.Delete, $"api/orgs/{orgId}/blocklist/sms/%2B353871234567", key);

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.False(after.Body.GetProperty("blocked").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.Status);
    }

    [Fact]
    public async Task ASenderBlockedByAnAncestorIsBlockedForItsDescendantsButNotTheOtherWayRound()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var grandchild = await orgs.Trees.ChildAsync(child);
        var rootKey = await orgs.Trees.KeyAsync(root);
        var grandchildKey = await orgs.Trees.KeyAsync(grandchild);
        await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/blocklist", rootKey, new { channel = "email", identifier = "Spam@Example.com", reason = "spam" });
        await SendAsync(app, HttpMethod.Post, $"api/orgs/{grandchild.Org.Id}/blocklist", grandchildKey, new { channel = "whatsapp", identifier = "+447700900123" });

        var fromGrandchild = await SendAsync(app, HttpMethod.Get, $"api/orgs/{grandchild.Org.Id}/blocklist/check?channel=email&identifier=spam@example.com", grandchildKey);
        var fromRoot = await SendAsync(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/blocklist/check?channel=whatsapp&identifier=%2B447700900123", rootKey);

        Assert.True(fromGrandchild.Body.GetProperty("blocked").GetBoolean());
        Assert.Equal(root.Org.Id.Value, fromGrandchild.Body.GetProperty("by").GetString());
        Assert.False(fromRoot.Body.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public async Task AStopReplyBlocksTheSenderPermanentlyAndEmitsOneEvent()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);

        var hello = await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/inbound", key, new { channel = "sms", from = "+353871234567", text = "stop please" });
        var stop = await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/inbound", key, new { channel = "sms", from = "+353 87 123 4567", text = "  Stop " });
        var stopAgain = await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/inbound", key, new { channel = "sms", from = "+353871234567", text = "UNSUBSCRIBE" });
        var check = await SendAsync(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/blocklist/check?channel=sms&identifier=%2B353871234567", key);

        Assert.False(hello.Body.GetProperty("stopped").GetBoolean());
        Assert.True(stop.Body.GetProperty("stopped").GetBoolean());
        Assert.True(stopAgain.Body.GetProperty("stopped").GetBoolean());
        Assert.True(check.Body.GetProperty("blocked").GetBoolean());
        Assert.Equal("stop-reply", check.Body.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, check.Body.GetProperty("until").ValueKind);
        var events = (await OutboxReader.EventsAsync(orgs, root.Org.Id.Value)).Where(e => e.Type == EventTypes.BlocklistAdded).ToList();
        var e = Assert.Single(events);
        Assert.Equal("+353871234567", e.Data["identifier"]!.GetValue<string>());
        Assert.Equal("stop-reply", e.Data["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStopOnATemporaryBlockMakesItPermanentWithANewEvent()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);

        await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/blocklist", key, new { channel = "sms", identifier = "+353871234567", until = "2099-01-01T00:00:00Z" });
        await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/inbound", key, new { channel = "sms", from = "+353871234567", text = "quit" });
        var list = await SendAsync(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/blocklist", key);

        var entry = Assert.Single(list.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("until").ValueKind);
        Assert.Equal(2, (await OutboxReader.EventsAsync(orgs, root.Org.Id.Value)).Count(e => e.Type == EventTypes.BlocklistAdded));
    }

    [Fact]
    public async Task InvalidEntriesAre400NamingEachField()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var response = await SendAsync(app, HttpMethod.Post, $"api/orgs/{orgId}/blocklist", key, new { channel = "sms", identifier = "087 1234567", until = "soon", extra = 1 });
        var check = await SendAsync(app, HttpMethod.Get, $"api/orgs/{orgId}/blocklist/check?channel=fax&identifier=x", key);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["extra", "identifier", "until"], response.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, check.Status);
    }

    [Fact]
    public async Task MembersMayCheckButNotChangeAndOtherTreesAre404()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var (other, _) = await orgs.Trees.RootAsync();
        var member = await orgs.Trees.KeyAsync(root, SystemRoles.MemberId);
        var otherOwner = await orgs.Trees.KeyAsync(other);

        var check = await SendAsync(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/blocklist/check?channel=sms&identifier=%2B353871234567", member);
        var add = await SendAsync(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/blocklist", member, new { channel = "sms", identifier = "+353871234567" });
        var stranger = await SendAsync(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/blocklist", otherOwner);
        var anonymous = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}/blocklist", null));

        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Equal(HttpStatusCode.Forbidden, add.Status);
        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
