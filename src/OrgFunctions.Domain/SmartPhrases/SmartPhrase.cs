using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.SmartPhrases;

/// <summary>
/// A pre-written sentence agents insert into a conversation by its shortcut. Shortcuts are unique per org,
/// case-insensitively (see <see cref="ShortcutKey"/>).
/// </summary>
public sealed record SmartPhrase(string Id, string Shortcut, string Text, IReadOnlyList<string> Tags)
{
    public const int MaxShortcutLength = 64;
    public const int MaxTextLength = 4000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;

    /// <summary>The shortcut folded (case and accents) so "Hello" and "héllo" are one shortcut.</summary>
    public string ShortcutKey => SearchText.Fold(Shortcut);

    public static string NewId() => "sp_" + Guid.NewGuid().ToString("N")[..20];

    public static bool IsValidId(string? id) => ItemIds.IsMinted(id, "sp_", 20);

    /// <summary>Checks each part; returns (field, reason) for every problem.</summary>
    public static IEnumerable<(string Field, string Reason)> Problems(string? shortcut, string? text, IReadOnlyList<string>? tags)
    {
        var s = shortcut?.Trim() ?? "";
        if (s.Length == 0)
        {
            yield return ("shortcut", "must not be empty");
        }
        else if (s.Length > MaxShortcutLength)
        {
            yield return ("shortcut", $"must be at most {MaxShortcutLength} characters");
        }
        else if (s.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return ("shortcut", "must be one word (no spaces or control characters)");
        }
        else if (TextPolicy.Problem(s) is { } shortcutProblem)
        {
            yield return ("shortcut", shortcutProblem);
        }
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            yield return ("text", "must not be empty");
        }
        else if (t.Length > MaxTextLength)
        {
            yield return ("text", $"must be at most {MaxTextLength} characters");
        }
        else if (TextPolicy.Problem(t, TextLines.Multiple) is { } textProblem)
        {
            yield return ("text", textProblem);
        }
        if (tags is null)
        {
            yield break;
        }
        if (tags.Count > MaxTags)
        {
            yield return ("tags", $"must have at most {MaxTags} tags");
        }
        foreach (var tag in tags)
        {
            var trimmed = tag.Trim();
            if (trimmed.Length == 0 || trimmed.Length > MaxTagLength || !TextPolicy.IsAllowed(trimmed))
            {
                yield return ("tags", $"each tag must be 1 to {MaxTagLength} characters on one line, without control or bidi override characters");
                yield break;
            }
        }
    }

    /// <summary>Tags trimmed, without duplicates (folded), in the order given.</summary>
    public static IReadOnlyList<string> CleanTags(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(SearchText.Fold).ToList();
}
