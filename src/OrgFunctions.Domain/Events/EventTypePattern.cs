using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OrgFunctions.Domain.Events;

/// <summary>
/// Which event types a reader asks for: one type (<c>org.created</c>), every type under a prefix (<c>org.*</c>), or all
/// (<c>*</c>). A pattern must name at least one type of the catalogue it is checked against, so a typo is refused
/// instead of silently matching nothing.
/// </summary>
public sealed partial record EventTypePattern
{
    public const string All = "*";
    public const int MaxLength = 100;

    private EventTypePattern(string text, string? prefix)
    {
        Text = text;
        Prefix = prefix;
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>For <c>org.*</c>: <c>org.</c>; for <c>*</c>: the empty string; for a single type: null.</summary>
    public string? Prefix { get; }

    public bool IsAll => Prefix is { Length: 0 };

    public bool Matches(string type) => Prefix is null ? type == Text : type.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The pattern, or why <paramref name="text"/> can't be one (a phrase to follow the field's name).</summary>
    public static bool TryCreate(string? text, IEnumerable<string> knownTypes, [NotNullWhen(true)] out EventTypePattern? pattern,
        [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        var value = text?.Trim() ?? "";
        if (value == All)
        {
            pattern = new EventTypePattern(All, "");
            error = null;
            return true;
        }
        if (value.Length is 0 or > MaxLength || !Shape().IsMatch(value))
        {
            error = $"'{Printable(value)}' is not an event type pattern (a type such as org.created, a prefix such as org.*, or *)";
            return false;
        }
        var candidate = value.EndsWith(".*", StringComparison.Ordinal)
            ? new EventTypePattern(value, value[..^1])
            : new EventTypePattern(value, null);
        if (!knownTypes.Any(candidate.Matches))
        {
            error = $"'{value}' matches no event type";
            return false;
        }
        pattern = candidate;
        error = null;
        return true;
    }

    private static string Printable(string value) =>
        new(value.Take(MaxLength).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public override string ToString() => Text;
}
