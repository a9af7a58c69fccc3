using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OrgFunctions.Http;

/// <summary>
/// Reads a request's JSON object body, refusing what is too large (413) or not a JSON object (400) before any
/// field is looked at. Field-level checks are <see cref="JsonObjectReader"/>'s job, so that every invalid field is
/// named in one answer instead of the first one only.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 32,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static async Task<(JsonDocument? Document, IActionResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.PayloadTooLarge(MaxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, Problems.PayloadTooLarge(MaxBytes));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, Problems.MalformedJson("The body is empty; a JSON object is required."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), Options);
        }
        catch (JsonException ex)
        {
            return (null, Problems.MalformedJson(ex.Message));
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, Problems.MalformedJson("The body must be a JSON object."));
        }
        return (document, null);
    }
}
