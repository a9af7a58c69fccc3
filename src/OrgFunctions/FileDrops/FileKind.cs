namespace OrgFunctions.FileDrops;

public enum FileKind
{
    Unknown,
    Blocklist,
    SmartPhrases,
    Users,
}

/// <summary>What a dropped file is, from its name (case-insensitive prefix and extension).</summary>
public static class FileKinds
{
    /// <summary>The kinds a report of an unknown file lists.</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        "blocklist*.csv (columns: channel,identifier,reason,until)",
        "smart-phrases*.csv (columns: shortcut,text,tags; tags separated by ';')",
        "blocklist*.jsonl and smart-phrases*.jsonl (JSON Lines: one object per line with the same fields)",
    ];

    /// <summary>True for JSON Lines (<c>.jsonl</c>), false for CSV.</summary>
    public static bool IsJsonLines(string fileName) => fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    public static FileKind Detect(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        if (!name.EndsWith(".csv", StringComparison.Ordinal) && !name.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return FileKind.Unknown;
        }
        return name switch
        {
            _ when name.StartsWith("blocklist", StringComparison.Ordinal) => FileKind.Blocklist,
            _ when name.StartsWith("smart-phrases", StringComparison.Ordinal) => FileKind.SmartPhrases,
            _ when name.StartsWith("users", StringComparison.Ordinal) => FileKind.Users,
            _ => FileKind.Unknown,
        };
    }

    public static string Name(this FileKind kind) => kind switch
    {
        FileKind.Blocklist => "blocklist",
        FileKind.SmartPhrases => "smart-phrases",
        FileKind.Users => "users",
        _ => "unknown",
    };
}
