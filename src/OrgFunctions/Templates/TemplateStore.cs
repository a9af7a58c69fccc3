using OrgFunctions.Domain.Orgs;
using OrgFunctions.OrgItems;
using OrgFunctions.Storage;

namespace OrgFunctions.Templates;

/// <summary>Reads the templates of one org (<see cref="OrgItemStore"/>).</summary>
public sealed class TemplateStore(OrgItemStore items)
{
    public static readonly OrgItemKind<TemplateRecord> Kind = OrgItemKind.Of<TemplateEntity, TemplateRecord>("template", RowKeys.TemplatePrefix, RowKeys.Template,
        TemplateRow.Read, t => t.ETag);

    public Task<IReadOnlyList<TemplateRecord>> ListAsync(OrgPath org, CancellationToken cancellationToken) =>
        items.ListAsync(Kind, org, cancellationToken);

    public Task<TemplateRecord?> GetAsync(OrgPath org, string templateId, CancellationToken cancellationToken) =>
        items.GetAsync(Kind, org, templateId, cancellationToken);
}
