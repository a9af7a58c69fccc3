using OrgFunctions.Domain.Templates;
using OrgFunctions.Http;

namespace OrgFunctions.Templates;

/// <summary><c>{ name, language, category, body, status? }</c> for creating or replacing a template; each invalid field is named.</summary>
public sealed record TemplateRequest(TemplateName Name, TemplateLanguage Language, TemplateCategory Category, TemplateBody Body,
    TemplateStatus Status)
{
    public static TemplateRequest? Read(JsonObjectReader body)
    {
        var name = body.String("name", required: true);
        var language = body.String("language", required: true);
        var category = body.String("category", required: true);
        var text = body.String("body", required: true);
        var statusText = body.String("status");
        TemplateName? validName = null;
        TemplateLanguage? validLanguage = null;
        TemplateBody? validBody = null;
        var validCategory = TemplateCategory.Utility;
        var status = TemplateStatus.Pending;
        string? error = null;
        if (name is not null && !TemplateName.TryCreate(name, out validName, out error))
        {
            body.Errors.Add(body.PathOf("name"), error);
        }
        if (language is not null && !TemplateLanguage.TryCreate(language, out validLanguage, out error))
        {
            body.Errors.Add(body.PathOf("language"), error);
        }
        if (category is not null && !TemplateCategories.TryParse(category, out validCategory, out error))
        {
            body.Errors.Add(body.PathOf("category"), error);
        }
        if (text is not null && !TemplateBody.TryCreate(text, out validBody, out error))
        {
            body.Errors.Add(body.PathOf("body"), error);
        }
        if (statusText is not null && !TemplateStatuses.TryParse(statusText, out status, out error))
        {
            body.Errors.Add(body.PathOf("status"), error);
        }
        body.RejectUnknownFields();
        return body.Errors.Any ? null : new TemplateRequest(validName!, validLanguage!, validCategory, validBody!, status);
    }
}
