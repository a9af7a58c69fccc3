using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>
/// A payment vault for <c>./run.sh</c> (development flag <see cref="LocalHostSettings.PaymentVaultStandIn"/>): the two
/// calls of Spreedly's gateway API the app makes, under <c>/local-vault/</c> (the default <c>PaymentVault:BaseUrl</c>).
/// It keeps nothing: a created gateway gets a random token, a redaction always succeeds. It never reads the
/// credentials beyond finding the gateway type, and never logs a body. Tests use WireMock.Net instead.
/// </summary>
internal static class PaymentVaultStandIn
{
    public const string Prefix = "/local-vault";

    public static void MapPaymentVaultStandIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Prefix + "/v1/gateways.json", (Delegate)CreateAsync);
        endpoints.MapPut(Prefix + "/v1/gateways/{token}/redact.json", (string token) => Results.Json(new JsonObject
        {
            ["transaction"] = new JsonObject
            {
                ["succeeded"] = true,
                ["state"] = "succeeded",
                ["gateway"] = new JsonObject { ["token"] = token, ["state"] = "redacted", ["redacted"] = true },
            },
        }));
    }

    private static async Task<IResult> CreateAsync(HttpContext http)
    {
        string? type = null;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            type = body?["gateway"]?["gateway_type"]?.GetValueKind() == JsonValueKind.String ? body["gateway"]!["gateway_type"]!.GetValue<string>() : null;
        }
        catch (JsonException)
        {
        }
        if (string.IsNullOrEmpty(type))
        {
            return Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject
            {
                ["key"] = "errors.gateway_type_not_supported",
                ["message"] = "The specified gateway_type is not supported",
            }) }, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(13));
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new JsonObject
        {
            ["gateway"] = new JsonObject
            {
                ["token"] = token,
                ["gateway_type"] = type,
                ["state"] = "retained",
                ["redacted"] = false,
                ["created_at"] = now,
                ["updated_at"] = now,
            },
        }, statusCode: StatusCodes.Status201Created);
    }
}
