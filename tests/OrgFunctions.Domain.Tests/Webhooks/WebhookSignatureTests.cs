using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using OrgFunctions.Domain.Webhooks;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

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
    public void TheStandardWebhooksPackageSignsTheReferenceVectorAsWeDo()
    {
        var theirs = new StandardWebhook(SpecSecret).Sign(SpecId, DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp), SpecBody);

        Assert.Equal(WebhookSignature.Compute(WebhookSecret.Parse(SpecSecret), SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecBody)), theirs);
    }

    [Fact]
    public void TheStandardWebhooksPackageVerifiesOurSignatureAndRejectsAChangedBodyOrTime()
    {
        // The package refuses timestamps more than 5 minutes off its clock, so this signs now.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = WebhookSignature.Header([WebhookSecret.Parse(SpecSecret)], SpecId, timestamp, Encoding.UTF8.GetBytes(SpecBody));
        var package = new StandardWebhook(SpecSecret);
        HeaderDictionary Headers(long time) => new()
        {
            [WebhookSignature.IdHeader] = SpecId,
            [WebhookSignature.TimestampHeader] = time.ToString(CultureInfo.InvariantCulture),
            [WebhookSignature.SignatureHeader] = signature,
        };

        package.Verify(SpecBody, Headers(timestamp));
        Assert.Throws<WebhookVerificationException>(() => package.Verify(SpecBody + " ", Headers(timestamp)));
        Assert.Throws<WebhookVerificationException>(() => package.Verify(SpecBody, Headers(timestamp + 1)));
    }
}
