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
    public static TemplateEntity Create(OrgPath orgPath, MessageTemplate template) => new()
    {
        PartitionKey = orgPath.RootId.Value,
        RowKey = RowKeys.Template(orgPath.OrgId, template.Id),
        OrgId = orgPath.OrgId.Value,
        TemplateId = template.Id,
        Name = template.Name.Value,
        Language = template.Language.Value,
        Category = template.Category.ToApi(),
        Body = template.Body.Value,
        Status = template.Status.ToApi(),
        InheritedFrom = template.InheritedFrom?.Value,
    };

    public static TemplateRecord Read(TemplateEntity row) => new(
        OrgId.Parse(row.OrgId),
        MessageTemplate.Restore(row.TemplateId, TemplateName.Create(row.Name), TemplateLanguage.Create(row.Language),
            TemplateCategories.Parse(row.Category), TemplateBody.Restore(row.Body), TemplateStatuses.Parse(row.Status),
            row.InheritedFrom is null ? null : OrgId.Parse(row.InheritedFrom)),
        row.ETag);

    /// <summary>The row that keeps a template's name and language unique in its org.</summary>
    public static TemplateNameEntity NameReservation(OrgPath orgPath, MessageTemplate template) => new()
    {
        PartitionKey = orgPath.RootId.Value,
        RowKey = RowKeys.TemplateName(orgPath.OrgId, template.UniquenessKey),
        TemplateId = template.Id,
    };
}
