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
    public static TemplateCategory Parse(string? value) => value switch
    {
        "MARKETING" => TemplateCategory.Marketing,
        "UTILITY" => TemplateCategory.Utility,
        "AUTHENTICATION" => TemplateCategory.Authentication,
        _ => throw new DomainException("A template category must be MARKETING, UTILITY or AUTHENTICATION."),
    };

    public static string ToApi(this TemplateCategory category) => category.ToString().ToUpperInvariant();
}
