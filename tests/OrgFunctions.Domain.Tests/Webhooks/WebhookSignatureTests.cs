using System.Text;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class WebhookSignatureTests
{
    // The Standard Webhooks reference vector; the expected value was computed independently (Python hmac/hashlib).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecBody = "{\"test\": 2432232314}";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    // A 32-byte key 0x01..0x20, also computed independently.
    private const string OtherSecret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    private const string OtherSignature = "v1,OHBQOJh/RyAk1F4HTHuOYvxokKC7QzRGd6FI/ALOlYI=";

    [Fact]
    public void SignatureMatchesTheStandardWebhooksReferenceVector()
    {
        var signature = WebhookSignature.Compute(WebhookSecret.Parse(SpecSecret), SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecBody));

        Assert.Equal(SpecSignature, signature);
    }

    [Fact]
    public void DuringARotationBothSecretsSignSpaceSeparatedNewestFirst()
    {
        var header = WebhookSignature.Header([WebhookSecret.Parse(OtherSecret), WebhookSecret.Parse(SpecSecret)],
            "msg_1", 1700000000, Encoding.UTF8.GetBytes("{\"a\":1}"));

        var parts = header.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal(OtherSignature, parts[0]);
        Assert.StartsWith("v1,", parts[1]);
    }

    [Fact]
    public void VerifyAcceptsAnySignatureOfTheSecretAndRejectsAChangedBody()
    {
        var secret = WebhookSecret.Parse(SpecSecret);
        var header = "v1,bm90LWEtc2lnbmF0dXJl " + SpecSignature;

        Assert.True(WebhookSignature.Verify(secret, SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecBody), header));
        Assert.False(WebhookSignature.Verify(secret, SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecBody + " "), header));
        Assert.False(WebhookSignature.Verify(secret, SpecId, SpecTimestamp + 1, Encoding.UTF8.GetBytes(SpecBody), header));
    }
}
