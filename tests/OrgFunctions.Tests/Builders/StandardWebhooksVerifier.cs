using Microsoft.AspNetCore.Http;
using OrgFunctions.Domain.Webhooks;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace OrgFunctions.Tests.Builders;

/// <summary>Checks a received delivery's signature with the StandardWebhooks package, an implementation that isn't ours.</summary>
public static class StandardWebhooksVerifier
{
    /// <summary>
    /// True if one of the delivery's signatures is <paramref name="secret"/>'s. The package gets one signature at a time:
    /// 1.1.2 never reads the last signature of a space-separated header (the loop bug fixed in the Svix C# SDK by
    /// svix/svix-webhooks#2393), and during a rotation the old secret's signature is the last.
    /// </summary>
    public static bool Verifies(WebhookSecret secret, ReceivedWebhook received)
    {
        var webhook = new StandardWebhook(secret.Text);
        return received.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(signature =>
        {
            try
            {
                webhook.Verify(received.Body, new HeaderDictionary
                {
                    [WebhookSignature.IdHeader] = received.Id,
                    [WebhookSignature.TimestampHeader] = received.Timestamp,
                    [WebhookSignature.SignatureHeader] = signature,
                });
                return true;
            }
            catch (WebhookVerificationException)
            {
                return false;
            }
        });
    }
}
