using System.Diagnostics.CodeAnalysis;
namespace OrgFunctions.Domain.Templates;

/// <summary>WhatsApp's template categories; the API spells them in capitals (MARKETING, UTILITY, AUTHENTICATION).</summary>
public enum TemplateCategory
{
    Marketing,
    Utility,
    Authentication,
}

public static class TemplateCategories
{
    public static TemplateCategory Parse(string? value) =>
        TryParse(value, out var category, out var error) ? category : throw new DomainException(error);

    /// <summary>The category, or why <paramref name="value"/> isn't one (the reason a request's field is refused with).</summary>
    public static bool TryParse(string? value, out TemplateCategory category, [NotNullWhen(false)] out string? error)
    {
        TemplateCategory? parsed = value switch
        {
            "MARKETING" => TemplateCategory.Marketing,
            "UTILITY" => TemplateCategory.Utility,
            "AUTHENTICATION" => TemplateCategory.Authentication,
            _ => null,
        };
        category = parsed ?? default;
        error = parsed is null ? "A template category must be MARKETING, UTILITY or AUTHENTICATION." : null;
        return parsed is not null;
    }

    public static string ToApi(this TemplateCategory category) => category.ToString().ToUpperInvariant();
}
