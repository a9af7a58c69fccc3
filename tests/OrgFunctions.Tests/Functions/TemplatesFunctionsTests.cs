using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

/// <summary>/api/orgs/{orgId}/templates over HTTP.</summary>
public sealed class TemplatesFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TemplatesAreCreatedReadReplacedAndDeletedWithETags()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        using var created = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/templates", key,
            new { name = "welcome", language = "en-us", category = "MARKETING", body = "Welcome {{1}}!" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = template.GetProperty("id").GetString()!;
        Assert.Equal("en-US", template.GetProperty("language").GetString());
        Assert.Equal("PENDING", template.GetProperty("status").GetString());
        Assert.Equal(1, template.GetProperty("placeholders").GetInt32());

        var replace = AppHost.Request(HttpMethod.Put, $"api/orgs/{orgId}/templates/{id}", key,
            new { name = "welcome", language = "en-US", category = "MARKETING", body = "Welcome {{1}} to {{2}}!", status = "APPROVED" });
        replace.Headers.IfMatch.Add(created.Headers.ETag!);
        using var replaced = await app.Client.SendAsync(replace);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("APPROVED", (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var staleReplace = AppHost.Request(HttpMethod.Put, $"api/orgs/{orgId}/templates/{id}", key,
            new { name = "welcome", language = "en-US", category = "MARKETING", body = "x" });
        staleReplace.Headers.IfMatch.Add(created.Headers.ETag!);
        using var stale = await app.Client.SendAsync(staleReplace);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var list = await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{orgId}/templates");
        Assert.Equal("Welcome {{1}} to {{2}}!", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("body").GetString());

        using var deleted = await app.Client.SendAsync(AppHost.Request(HttpMethod.Delete, $"api/orgs/{orgId}/templates/{id}", key));
        using var gone = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/templates/{id}", key));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AnInvalidTemplateIs400NamingEachField()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();

        using var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/templates", key,
            """{"name":"Bad Name","language":"english","category":"PROMO","body":"Hi {{2}}","status":"LIVE","color":"red"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["body", "category", "color", "language", "name", "status"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnotherTreesTemplatesAre404()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, _) = await app.SignUpAsync();
        var (_, otherKey) = await app.SignUpAsync();

        using var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/templates", otherKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
