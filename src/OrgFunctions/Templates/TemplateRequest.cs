using OrgFunctions.Domain;
using OrgFunctions.Domain.Templates;
using OrgFunctions.Http;

namespace OrgFunctions.Templates;

/// <summary><c>{ name, language, category, body, status? }</c> for creating or replacing a template; each invalid field is named.</summary>
public sealed record TemplateRequest(TemplateName Name, TemplateLanguage Language, TemplateCategory Category, TemplateBody Body,
    TemplateStatus Status)
{
    public static TemplateRequest? Read(JsonObjectReader body)
    {
        var name = Parse(body, "name", body.String("name", required: true), TemplateName.Create);
        var language = Parse(body, "language", body.String("language", required: true), TemplateLanguage.Create);
        var category = Parse(body, "category", body.String("category", required: true), v => (object)TemplateCategories.Parse(v));
        var text = Parse(body, "body", body.String("body", required: true), TemplateBody.Create);
        var statusText = body.String("status");
        var status = statusText is null ? TemplateStatus.Pending : Parse(body, "status", statusText, v => (object)TemplateStatuses.Parse(v));
        body.RejectUnknownFields();
        return body.Errors.Any ? null : new TemplateRequest(name!, language!, (TemplateCategory)category!, text!, (TemplateStatus)status!);
    }

    private static T? Parse<T>(JsonObjectReader body, string field, string? value, Func<string, T> create) where T : class
    {
        if (value is null)
        {
            return null;
        }
        try
        {
            return create(value);
        }
        catch (DomainException ex)
        {
            body.Errors.Add(body.PathOf(field), ex.Message);
            return null;
        }
    }
}
