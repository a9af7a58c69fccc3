using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Templates;
using OrgFunctions.Storage;

namespace OrgFunctions.Templates;

public sealed record TemplateRecord(OrgId OrgId, MessageTemplate Template, ETag ETag);

/// <summary>A template as a row of its tree's partition (<c>tpl:{orgId}:{templateId}</c>), with its name reservation row.</summary>
public static class TemplateRow
{
    public static TableEntity Create(OrgPath orgPath, MessageTemplate template) =>
        new(orgPath.RootId.Value, RowKeys.Template(orgPath.OrgId, template.Id))
        {
            ["Kind"] = "template",
            ["OrgId"] = orgPath.OrgId.Value,
            ["TemplateId"] = template.Id,
            ["Name"] = template.Name.Value,
            ["Language"] = template.Language.Value,
            ["Category"] = template.Category.ToApi(),
            ["Body"] = template.Body.Value,
            ["Status"] = template.Status.ToApi(),
            ["InheritedFrom"] = template.InheritedFrom?.Value,
        };

    public static TemplateRecord Read(TableEntity row)
    {
        var inheritedFrom = row.GetString("InheritedFrom");
        return new TemplateRecord(
            OrgId.Parse(row.GetString("OrgId")),
            MessageTemplate.Restore(row.GetString("TemplateId"), TemplateName.Create(row.GetString("Name")),
                TemplateLanguage.Create(row.GetString("Language")), TemplateCategories.Parse(row.GetString("Category")),
                TemplateBody.Restore(row.GetString("Body")), TemplateStatuses.Parse(row.GetString("Status")),
                inheritedFrom is null ? null : OrgId.Parse(inheritedFrom)),
            row.ETag);
    }

    /// <summary>The row that keeps a template's name and language unique in its org.</summary>
    public static TableEntity NameReservation(OrgPath orgPath, MessageTemplate template) =>
        new(orgPath.RootId.Value, RowKeys.TemplateName(orgPath.OrgId, template.UniquenessKey))
        {
            ["Kind"] = "templatename",
            ["TemplateId"] = template.Id,
        };
}
