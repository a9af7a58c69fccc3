using OrgFunctions.Domain.Templates;

namespace OrgFunctions.Templates;

/// <summary>A template as the API shows it; <c>inheritedFrom</c> names the org it was copied from, null once changed locally.</summary>
public sealed record TemplateView(string Id, string Name, string Language, string Category, string Body, int Placeholders,
    string Status, string? InheritedFrom)
{
    public static TemplateView From(TemplateRecord record) => new(
        record.Template.Id, record.Template.Name.Value, record.Template.Language.Value, record.Template.Category.ToApi(),
        record.Template.Body.Value, record.Template.Body.PlaceholderCount, record.Template.Status.ToApi(),
        record.Template.InheritedFrom?.Value);
}
