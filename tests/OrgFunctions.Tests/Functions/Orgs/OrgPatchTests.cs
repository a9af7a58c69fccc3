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
}
