using System.Net;
using System.Text.Json;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// A response read whole, so tests can compare answers byte for byte (a 404 must not tell "invisible" from "missing"):
/// status, media type, ETag and body.
/// </summary>
public sealed record HttpAnswer(HttpStatusCode Status, string? MediaType, string? ETag, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public static async Task<HttpAnswer> SendAsync(AppHost app, HttpRequestMessage request)
    {
        using (request)
        using (var response = await app.Client.SendAsync(request))
        {
            return new HttpAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.ETag?.ToString(),
                await response.Content.ReadAsStringAsync());
        }
    }

    public override string ToString() => $"{(int)Status} {Body}";
}
