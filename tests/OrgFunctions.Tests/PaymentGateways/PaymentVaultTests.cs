using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using OrgFunctions.PaymentGateways;

namespace OrgFunctions.Tests.PaymentGateways;

/// <summary>
/// A deployment without a vault account: it starts, and every gateway call fails as an unavailable vault would
/// (the route answers 502 with nothing stored) without a request leaving the app.
/// </summary>
public class PaymentVaultTests
{
    [Theory]
    [InlineData("", "", true)]
    [InlineData("key", "secret", true)]
    [InlineData("key", "", false)]
    [InlineData("", "secret", false)]
    public void TheKeyAndSecretAreSetTogetherOrNotAtAll(string key, string secret, bool valid)
    {
        var options = new PaymentVaultOptions { BaseUrl = "https://core.spreedly.com/", EnvironmentKey = key, AccessSecret = secret };

        Assert.Equal(valid, !options.Problems().Any());
    }

    [Fact]
    public async Task AnUnconfiguredVaultIsUnavailableWithoutARequest()
    {
        var clients = new Mock<IHttpClientFactory>(MockBehavior.Strict);
        var vault = new PaymentVault(clients.Object, Options.Create(new PaymentVaultOptions { EnvironmentKey = "", AccessSecret = "" }),
            NullLogger<PaymentVault>.Instance);

        var created = await vault.CreateGatewayAsync("stripe", new Dictionary<string, string> { ["login"] = "secret" }, CancellationToken.None);
        var redacted = await vault.RedactGatewayAsync("GaTeWaYt0kEn42", CancellationToken.None);

        Assert.IsType<VaultAnswer.Unavailable>(created);
        Assert.IsType<VaultAnswer.Unavailable>(redacted);
        clients.VerifyNoOtherCalls();
    }
}
