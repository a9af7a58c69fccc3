using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

public class SignupFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SignUpAnswers201WithTheOrgOwnerAndAKeyThatWorksOnTheNewOrg()
    {
        await using var app = await AppHost.StartAsync(azurite);

        var (orgId, apiKey) = await app.SignUpAsync("Acme");
        var get = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", apiKey));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(get.Headers.ETag);
        var org = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Acme", org.GetProperty("name").GetString());
        Assert.Equal("active", org.GetProperty("status").GetString());
    }

    [Fact]
    public async Task InvalidSignUpIsProblemJsonNamingEachField()
    {
        await using var app = await AppHost.StartAsync(azurite);

        var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, "api/signup", null,
            """{"orgName":"","owner":{"email":"not-an-email"},"plan":"gold"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["orgName", "owner.displayName", "owner.email", "plan"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WithoutAKeyEveryOrgRouteIs401()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, _) = await app.SignUpAsync();

        var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
