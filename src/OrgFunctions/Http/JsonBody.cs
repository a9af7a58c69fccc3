using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrgFunctions.Application;

namespace OrgFunctions.Http;

/// <summary>
/// Reads a request's JSON object body, refusing what is too large (413) or not a JSON object (400) before any
/// field is looked at. Field-level checks are <see cref="JsonObjectReader"/>'s job, so that every invalid field is
/// named in one answer instead of the first one only. A body whose bytes aren't UTF-8, or whose strings or property
/// names aren't Unicode text (<see cref="JsonText"/>), is a 400 naming each such field, never an exception later on.
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

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException) when (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return (null, Problems.Validation(JsonText.Body, "must be UTF-8 encoded JSON"));
        }
        catch (JsonException ex)
        {
            return (null, Problems.MalformedJson(ex.Message));
        }
        catch (InvalidOperationException)
        {
            // The duplicate-property check reads every property name: one that isn't Unicode text throws there.
            return (null, Problems.Validation(UnreadableNames(bytes)));
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, Problems.MalformedJson("The body must be a JSON object."));
        }
        if (JsonText.MayHoldInvalidText(bytes.Span))
        {
            var errors = new FieldErrors();
            JsonText.CheckAll(document.RootElement, errors);
            if (errors.Any)
            {
                document.Dispose();
                return (null, Problems.Validation(errors));
            }
        }
        return (document, null);
    }

    /// <summary>Names the fields of a body whose property names can't be read, parsed again without reading them.</summary>
    private static FieldErrors UnreadableNames(ReadOnlyMemory<byte> bytes)
    {
        var errors = new FieldErrors();
        using (var document = JsonDocument.Parse(bytes, Options with { AllowDuplicateProperties = true }))
        {
            JsonText.CheckAll(document.RootElement, errors);
        }
        if (!errors.Any)
        {
            errors.Add(JsonText.Body, "has a property name that is not Unicode text");
        }
        return errors;
    }
}
