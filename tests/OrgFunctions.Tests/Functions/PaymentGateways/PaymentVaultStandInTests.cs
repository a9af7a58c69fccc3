using System.Net;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.PaymentGateways;

/// <summary>The local host's payment vault stand-in (what ./run.sh turns on): off by default, and enough for the app's two calls.</summary>
public class PaymentVaultStandInTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task WithTheDevelopmentFlagTheAppRegistersAndRemovesAGatewayAgainstTheStandIn()
    {
        var port = FreePort.Next();
        await using var app = await AppHost.StartAsync(azurite, null, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--LocalHost:PaymentVaultStandIn=true", $"--PaymentVault:BaseUrl=http://127.0.0.1:{port}/local-vault/");
        var (orgId, key) = await app.SignUpAsync();
        var enabled = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}/settings", key,
            new { features = new { payments = true } }));
        Assert.Equal(HttpStatusCode.OK, enabled.Status);

        var created = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/payment-gateways", key,
            new { gatewayType = "test", credentials = new { login = "local" } }));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.False(string.IsNullOrEmpty(created.Json.GetProperty("token").GetString()));
        var removed = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete,
            $"api/orgs/{orgId}/payment-gateways/{created.Json.GetProperty("id").GetString()}", key));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
    }

    [Fact]
    public async Task WithoutTheFlagThereIsNoStandIn()
    {
        await using var app = await AppHost.StartAsync(azurite);

        using var response = await app.Client.PostAsync("local-vault/v1/gateways.json", new StringContent("""{ "gateway": { "gateway_type": "test" } }"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
