using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain;

namespace OrgFunctions.PaymentGateways;

/// <summary>What the vault answered to a gateway's creation or redaction.</summary>
public abstract record VaultAnswer
{
    /// <summary>Created: the gateway's token at the vault.</summary>
    public sealed record Retained(string Token) : VaultAnswer;

    /// <summary>Redacted, or already unknown to the vault.</summary>
    public sealed record Redacted : VaultAnswer;

    /// <summary>The vault refused what was sent (422: an unknown gateway type, missing or invalid credential fields).</summary>
    public sealed record Refused : VaultAnswer;

    /// <summary>The vault failed, timed out or answered something unreadable.</summary>
    public sealed record Unavailable(string Reason) : VaultAnswer;
}

/// <summary>
/// The payment vault's gateway API (Spreedly: <c>POST /v1/gateways.json</c> with
/// <c>{ "gateway": { "gateway_type": ..., credential fields } }</c>, basic auth environment key : access secret, answered
/// 201 <c>{ "gateway": { "token": ..., "state": "retained" } }</c>; <c>PUT /v1/gateways/{token}/redact.json</c>).
/// Credentials pass through here in memory only: they are never stored, returned or logged (logs name the status or the
/// exception type, never a body).
/// </summary>
public sealed class PaymentVault(IHttpClientFactory clients, IOptions<PaymentVaultOptions> options, ILogger<PaymentVault> logger)
{
    public async Task<VaultAnswer> CreateGatewayAsync(string gatewayType, IReadOnlyDictionary<string, string> credentials,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var gateway = new JsonObject { ["gateway_type"] = gatewayType };
        foreach (var (name, value) in credentials)
        {
            gateway[name] = value;
        }
        using var request = Request(HttpMethod.Post, "v1/gateways.json", new JsonObject { ["gateway"] = gateway });
        return await SendAsync(request, "create", async (response, ct) =>
        {
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                return new VaultAnswer.Refused();
            }
            if (!response.IsSuccessStatusCode)
            {
                return Unavailable("create", $"answered {(int)response.StatusCode}");
            }
            var body = await ReadAsync(response, ct);
            var token = body?["gateway"]?["token"]?.GetValueKind() == JsonValueKind.String ? body["gateway"]!["token"]!.GetValue<string>() : null;
            return ItemIds.IsWellFormed(token) ? new VaultAnswer.Retained(token!) : Unavailable("create", "answered no usable gateway token");
        }, cancellationToken);
    }

    public async Task<VaultAnswer> RedactGatewayAsync(string token, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Put, $"v1/gateways/{Uri.EscapeDataString(token)}/redact.json", new JsonObject());
        return await SendAsync(request, "redact", (response, _) => Task.FromResult<VaultAnswer>(
            response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound
                ? new VaultAnswer.Redacted()
                : Unavailable("redact", $"answered {(int)response.StatusCode}")), cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject body)
    {
        var vault = options.Value;
        var request = new HttpRequestMessage(method, new Uri(vault.BaseUri, path))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{vault.EnvironmentKey}:{vault.AccessSecret}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<VaultAnswer> SendAsync(HttpRequestMessage request, string what,
        Func<HttpResponseMessage, CancellationToken, Task<VaultAnswer>> read,
        CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return Unavailable(what, "is not configured (PaymentVault:EnvironmentKey and AccessSecret are empty)");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(PaymentVaultOptions.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return await read(response, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable(what, $"did not answer within {options.Value.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            return Unavailable(what, $"could not be reached ({ex.HttpRequestError})");
        }
    }

    private VaultAnswer.Unavailable Unavailable(string what, string reason)
    {
        logger.LogWarning("The payment vault's gateway {Operation} failed: it {Reason}", what, reason);
        return new VaultAnswer.Unavailable(reason);
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
