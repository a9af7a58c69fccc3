using System.Text.Json;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>
/// Reads the <c>Values</c> of a local.settings.json as Core Tools does: each value becomes a setting
/// (<c>__</c> in a name nests, as in an environment variable). Found as --settings PATH, else
/// local.settings.json, else local.settings.sample.json, in the working directory or the repository root.
/// </summary>
internal static class LocalSettingsFile
{
    public static string? Find(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? explicitPath : throw new FileNotFoundException("No settings file at " + explicitPath, explicitPath);
        }
        foreach (var directory in CandidateDirectories())
        {
            foreach (var name in new[] { "local.settings.json", "local.settings.sample.json" })
            {
                var path = Path.Combine(directory, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }
        return null;
    }

    public static Dictionary<string, string?> ReadValues(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }
        return values;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        yield return Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrgFunctions.sln")))
            {
                yield return dir.FullName;
                yield break;
            }
        }
    }
}
