using System.Text.Json;

namespace OrgFunctions.Tests.OpenApi;

/// <summary>Holds a real HTTP response to what the document says that operation answers with that status.</summary>
public static class DocumentedResponses
{
    /// <summary>
    /// Asserts the status is documented, every required documented header is sent, the media type is documented and
    /// the body matches its schema (or there is no body when none is documented). Returns the body, if any.
    /// </summary>
    public static async Task<JsonElement?> AssertConformsAsync(HttpResponseMessage response, string path, string method)
    {
        var status = (int)response.StatusCode;
        var documented = ApiDocument.Response(path, method, status);
        var where = $"{method.ToUpperInvariant()} {path} {status}";

        if (documented.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject())
            {
                var definition = ApiDocument.Deref(header.Value);
                if (definition.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    Assert.True(response.Headers.Contains(header.Name) || response.Content.Headers.Contains(header.Name),
                        $"{where}: the {header.Name} header is documented as sent but is missing.");
                }
            }
        }

        var text = await response.Content.ReadAsStringAsync();
        if (!documented.TryGetProperty("content", out var content))
        {
            Assert.True(text.Length == 0, $"{where}: no body is documented, but one was sent: {text}");
            return null;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        Assert.True(mediaType is not null && content.TryGetProperty(mediaType, out _),
            $"{where}: {mediaType} is not a documented media type ({string.Join(", ", content.EnumerateObject().Select(c => c.Name))}).");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var errors = ApiDocument.Schemas.Errors(content.GetProperty(mediaType!).GetProperty("schema"), body);
        Assert.True(errors.Count == 0, $"{where} does not match the document:\n{string.Join("\n", errors)}\n{text}");
        return body;
    }
}
