using System.Net;
using System.Text.Json;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>PATCH /api/orgs/{id}: the fields present change, <c>description: null</c> clears it, absent fields stay.</summary>
public class OrgPatchTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ANullDescriptionClearsItAndAnAbsentOneStays()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        var described = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, new { description = "Sales" }));
        var renamed = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, """{"name":"Acme Sales"}"""));
        var cleared = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, """{"description":null}"""));

        Assert.Equal("Sales", described.Json.GetProperty("description").GetString());
        Assert.Equal(("Acme Sales", "Sales"), (renamed.Json.GetProperty("name").GetString(), renamed.Json.GetProperty("description").GetString()));
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal(JsonValueKind.Null, cleared.Json.GetProperty("description").ValueKind);
        Assert.Equal("Acme Sales", cleared.Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ALongNameInAThreeByteScriptIsStoredAndStillUniqueInTheTree()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var first = await orgs.Trees.ChildAsync(root);
        var second = await orgs.Trees.ChildAsync(root);
        var key = signup.ApiKey.Secret;
        var name = new string('名', 200); // 600 bytes of UTF-8: its hex alone is over a key's 1 KiB

        var renamed = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{first.Org.Id}", key, new { name }));
        var clash = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{second.Org.Id}", key, new { name }));
        var role = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{first.Org.Id}/roles", key,
            new { name = new string('役', 100), permissions = new[] { "orgs.read" } }));

        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal(name, renamed.Json.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, clash.Status);
        Assert.True(clash.Json.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.Created, role.Status);
    }
}
