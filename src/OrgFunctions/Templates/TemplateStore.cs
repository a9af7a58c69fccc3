using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Templates;

/// <summary>Reads the templates of one org: one range query for the list, one point read for a template.</summary>
public sealed class TemplateStore(OrgTables tables)
{
    public async Task<IReadOnlyList<TemplateRecord>> ListAsync(OrgPath org, CancellationToken cancellationToken)
    {
        var prefix = RowKeys.TemplatePrefix(org.OrgId);
        var filter = RowKeys.PrefixFilter(org.RootId.Value, prefix);
        var templates = new List<TemplateRecord>();
        await foreach (var row in tables.Orgs.QueryAsync<TemplateEntity>(filter, cancellationToken: cancellationToken))
        {
            templates.Add(TemplateRow.Read(row));
        }
        return templates;
    }

    public async Task<TemplateRecord?> GetAsync(OrgPath org, string templateId, CancellationToken cancellationToken)
    {
        if (templateId.Length is 0 or > 64 || templateId.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
        {
            return null;
        }
        var row = await tables.Orgs.GetEntityIfExistsAsync<TemplateEntity>(org.RootId.Value, RowKeys.Template(org.OrgId, templateId),
            cancellationToken: cancellationToken);
        return row.HasValue ? TemplateRow.Read(row.Value!) : null;
    }
}
