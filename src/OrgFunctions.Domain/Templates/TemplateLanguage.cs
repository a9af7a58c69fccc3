using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OrgFunctions.Domain.Templates;

/// <summary>
/// A template's language as a BCP 47 tag of the forms WhatsApp uses: a 2–3 letter language, an optional 4-letter script
/// and an optional region (2 letters or 3 digits), e.g. <c>en</c>, <c>en-US</c>, <c>zh-Hant-TW</c>, <c>es-419</c>.
/// Stored in canonical case (language lower, script title, region upper), so <c>EN-us</c> and <c>en-US</c> are one language.
/// </summary>
public sealed partial record TemplateLanguage
{
    private TemplateLanguage(string value) => Value = value;

    public string Value { get; }

    public static TemplateLanguage Create(string? value) =>
        TryCreate(value, out var language, out var error) ? language : throw new DomainException(error);

    /// <summary>The tag in its canonical case, or why <paramref name="value"/> isn't one (the reason a request's field is refused with).</summary>
    public static bool TryCreate(string? value, [NotNullWhen(true)] out TemplateLanguage? tag, [NotNullWhen(false)] out string? error)
    {
        var match = Tag().Match(value?.Trim() ?? "");
        if (!match.Success)
        {
            (tag, error) = (null, $"'{value}' is not a BCP 47 language tag such as en, en-US or zh-Hant-TW.");
            return false;
        }
        var language = match.Groups["language"].Value.ToLowerInvariant();
        var script = match.Groups["script"].Success
            ? "-" + char.ToUpperInvariant(match.Groups["script"].Value[0]) + match.Groups["script"].Value[1..].ToLowerInvariant()
            : "";
        var region = match.Groups["region"].Success ? "-" + match.Groups["region"].Value.ToUpperInvariant() : "";
        (tag, error) = (new TemplateLanguage(language + script + region), null);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^(?<language>[A-Za-z]{2,3})(-(?<script>[A-Za-z]{4}))?(-(?<region>[A-Za-z]{2}|[0-9]{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
