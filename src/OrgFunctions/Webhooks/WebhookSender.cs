using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

/// <summary>
/// One signed POST of a webhook. Never throws for what the receiver or the network did: every outcome is an
/// <see cref="AttemptResult"/> (status code, or an error that names no secret). The response body is read up to
/// 64 KB and dropped, so a receiver can't make us buffer a large answer.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string UserAgent = "OrgFunctions-Webhooks/1.0";

    public async Task<AttemptResult> SendAsync(WebhookSubscription subscription, string webhookId, string payload, int attempt,
        CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var timestamp = started.ToUnixTimeSeconds();
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url.Uri)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, webhookId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader,
            WebhookSignature.Header(subscription.SigningSecrets(started), webhookId, timestamp, body));
        request.Headers.UserAgent.ParseAdd(UserAgent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            var client = httpClients.CreateClient(WebhookOptions.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await DrainAsync(response, timeout.Token);
            return new AttemptResult(attempt, started, watch.Elapsed, (int)response.StatusCode, null, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(attempt, started, watch.Elapsed, null, $"timeout after {options.Value.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new AttemptResult(attempt, started, watch.Elapsed, null, Describe(ex));
        }
    }

    private static async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[8192];
        var total = 0;
        int read;
        while (total < WebhookOptions.MaxResponseBytes
               && (read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, WebhookOptions.MaxResponseBytes - total)), cancellationToken)) > 0)
        {
            total += read;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        return header?.Date is { } date ? (date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null;
    }

    private static string Describe(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked)
            {
                return $"refused: the endpoint resolves to a {blocked.Kind.ToString().ToLowerInvariant()} address";
            }
        }
        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "DNS resolution failed",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => "invalid or incomplete response",
            _ => "request failed: " + ex.HttpRequestError,
        };
    }
}
