using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.Templates;

/// <summary>
/// A template's body text: 1–1024 characters with <c>{{1}}</c>-style placeholders. Placeholders are numbered from 1
/// without gaps (a number may repeat); any other use of double braces is refused, so a typo like <c>{{name}}</c> or
/// <c>{{2</c> can't reach WhatsApp's review.
/// </summary>
public sealed partial record TemplateBody
{
    public const int MaxLength = 1024;

    private TemplateBody(string value, int placeholderCount)
    {
        Value = value;
        PlaceholderCount = placeholderCount;
    }

    public string Value { get; }

    /// <summary>How many distinct placeholders the body has ({{1}} to {{n}}).</summary>
    public int PlaceholderCount { get; }

    public static TemplateBody Create(string? value) =>
        TryCreate(value, out var body, out var error) ? body : throw new DomainException(error);

    /// <summary>The body, or why <paramref name="value"/> isn't one (the reason a request's field is refused with).</summary>
    public static bool TryCreate(string? value, [NotNullWhen(true)] out TemplateBody? body, [NotNullWhen(false)] out string? error)
    {
        error = Problem(value, applyTextPolicy: true, out var placeholders);
        body = error is null ? new TemplateBody(value!, placeholders) : null;
        return body is not null;
    }

    /// <summary>A body read back from storage: bodies stored before ADR 0013's text policy stay readable.</summary>
    public static TemplateBody Restore(string value) =>
        Problem(value, applyTextPolicy: false, out var placeholders) is { } error ? throw new DomainException(error) : new TemplateBody(value, placeholders);

    private static string? Problem([NotNullWhen(false)] string? value, bool applyTextPolicy, out int placeholders)
    {
        placeholders = 0;
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            return $"A template body must be 1 to {MaxLength} characters.";
        }
        if (applyTextPolicy && TextPolicy.Problem(value, TextLines.Multiple) is { } problem)
        {
            return $"A template body {problem}.";
        }
        var numbers = new SortedSet<int>();
        foreach (Match match in Placeholder().Matches(value))
        {
            if (!int.TryParse(match.Groups["n"].Value, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return $"'{match.Value}' is not a placeholder: use {{{{1}}}}, {{{{2}}}}, ... numbered from 1.";
            }
            numbers.Add(n);
        }
        // Whatever double braces remain once the well-formed placeholders are taken out are malformed ones.
        var rest = Placeholder().Replace(value, "");
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
        {
            return "The body has a malformed placeholder: use {{1}}, {{2}}, ... with digits only.";
        }
        if (numbers.Count > 0 && numbers.Max != numbers.Count)
        {
            var missing = Enumerable.Range(1, numbers.Max).Where(n => !numbers.Contains(n)).Select(n => $"{{{{{n}}}}}");
            return "Placeholders must be numbered from 1 without gaps; missing " + string.Join(", ", missing) + ".";
        }
        placeholders = numbers.Count;
        return null;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"\{\{(?<n>[0-9]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
