using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class WebhookSecretTests
{
    [Fact]
    public void AGeneratedSecretIsWhsecAndBase64OfAtLeast24RandomBytes()
    {
        var a = WebhookSecret.Generate();
        var b = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", a.Text);
        Assert.True(Convert.FromBase64String(a.Text["whsec_".Length..]).Length >= 24);
        Assert.NotEqual(a.Text, b.Text);
        Assert.Equal(a.Text, WebhookSecret.Parse(a.Text).Text);
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRY=")] // 23 bytes
    public void MalformedOrShortSecretsAreRefused(string text) =>
        Assert.Throws<DomainException>(() => WebhookSecret.Parse(text));

    [Fact]
    public void ToStringNeverShowsTheSecret() =>
        Assert.DoesNotContain(WebhookSecret.Generate().Text[10..], WebhookSecret.Generate().ToString() + WebhookSecret.Parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
}
