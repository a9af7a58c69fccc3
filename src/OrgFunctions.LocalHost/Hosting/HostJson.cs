using System.Text.Json;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>
/// Reads values from the app's host.json (copied beside the binaries), as the Functions host would: comments and
/// trailing commas allowed, property names matched without regard to case.
/// </summary>
internal static class HostJson
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "host.json");

    /// <summary>The element at <paramref name="names"/> (e.g. "extensions", "http"), or null when the file or a step is missing.</summary>
    public static JsonElement? Find(string? path, params string[] names)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var element = document.RootElement;
        foreach (var name in names)
        {
            if (!TryGetProperty(element, name, out element))
            {
                return null;
            }
        }
        return element.Clone();
    }

    public static string? FindString(params string[] names) =>
        Find(null, names) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }
        value = default;
        return false;
    }
}
