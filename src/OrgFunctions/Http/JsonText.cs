using System.Text.Json;
using System.Text.Unicode;
using OrgFunctions.Application;

namespace OrgFunctions.Http;

/// <summary>
/// Finds the strings and property names of a parsed body that aren't Unicode text: invalid UTF-8 bytes, or an escape
/// naming half a surrogate pair (<c>"\ud800"</c>). System.Text.Json parses both and only throws when such a string is
/// read, which would be wherever a service first touched it; so a body is checked once, before any field is read, and
/// every such field is named by its JSON path (<c>body</c> for the object itself).
/// </summary>
public static class JsonText
{
    public const string Body = "body";

    /// <summary>
    /// False when the bytes are valid UTF-8 and hold no <c>\uD…</c> escape (only those can name a surrogate): then every
    /// string reads, and the walk over the document is skipped.
    /// </summary>
    public static bool MayHoldInvalidText(ReadOnlySpan<byte> utf8) =>
        !Utf8.IsValid(utf8) || utf8.IndexOf("\\ud"u8) >= 0 || utf8.IndexOf("\\uD"u8) >= 0;

    public static void CheckAll(JsonElement element, FieldErrors errors) => Check(element, "", errors);

    private static void Check(JsonElement element, string path, FieldErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (TryRead(() => property.Name) is { } name)
                    {
                        Check(property.Value, path.Length == 0 ? name : path + "." + name, errors);
                    }
                    else
                    {
                        errors.Add(path.Length == 0 ? Body : path, "has a property name that is not valid UTF-8 text (or holds an unpaired surrogate)");
                    }
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, $"{(path.Length == 0 ? Body : path)}[{index++}]", errors);
                }
                break;
            case JsonValueKind.String when TryRead(element.GetString) is null:
                errors.Add(path.Length == 0 ? Body : path, "must be valid UTF-8 text, without unpaired surrogates");
                break;
        }
    }

    private static string? TryRead(Func<string?> read)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            // What System.Text.Json throws for bytes that don't transcode to UTF-16 (invalid UTF-8, a lone surrogate escape).
            return null;
        }
    }
}
