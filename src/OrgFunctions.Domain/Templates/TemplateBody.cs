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

    public static TemplateBody Create(string? value) => Parse(value, applyTextPolicy: true);

    /// <summary>A body read back from storage: bodies stored before ADR 0013's text policy stay readable.</summary>
    public static TemplateBody Restore(string value) => Parse(value, applyTextPolicy: false);

    private static TemplateBody Parse(string? value, bool applyTextPolicy)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            throw new DomainException($"A template body must be 1 to {MaxLength} characters.");
        }
        if (applyTextPolicy)
        {
            TextPolicy.Ensure(value, "A template body", TextLines.Multiple);
        }
        var numbers = new SortedSet<int>();
        foreach (Match match in Placeholder().Matches(value))
        {
            if (!int.TryParse(match.Groups["n"].Value, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new DomainException($"'{match.Value}' is not a placeholder: use {{{{1}}}}, {{{{2}}}}, ... numbered from 1.");
            }
            numbers.Add(n);
        }
        // Whatever double braces remain once the well-formed placeholders are taken out are malformed ones.
        var rest = Placeholder().Replace(value, "");
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
        {
            throw new DomainException("The body has a malformed placeholder: use {{1}}, {{2}}, ... with digits only.");
        }
        if (numbers.Count > 0 && numbers.Max != numbers.Count)
        {
            var missing = Enumerable.Range(1, numbers.Max).Where(n => !numbers.Contains(n)).Select(n => $"{{{{{n}}}}}");
            throw new DomainException("Placeholders must be numbered from 1 without gaps; missing " + string.Join(", ", missing) + ".");
        }
        return new TemplateBody(value, numbers.Count);
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"\{\{(?<n>[0-9]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
