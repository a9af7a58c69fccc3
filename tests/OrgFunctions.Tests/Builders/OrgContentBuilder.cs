using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Templates;
using OrgFunctions.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Templates;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// Gives an org custom roles, templates and sender IDs, written straight to storage in batches. Sender IDs have no
/// feature of their own yet: a row <c>sender:{orgId}:{senderId}</c> is all provisioning needs.
/// </summary>
public static class OrgContentBuilder
{
    public static async Task<List<Role>> CustomRolesAsync(OrgTables tables, OrgPath org, int count)
    {
        var roles = Enumerable.Range(1, count)
            .Select(i => Role.Custom($"role_{i:D3}", RoleName.Create($"Custom {i}"), [Permission.OrgsRead, Permission.ReportsRead]))
            .ToList();
        var rows = roles.SelectMany(role => new ITableEntity[]
        {
            RoleRow.Create(org, role),
            RoleRow.NameReservation(org.RootId.Value, RowKeys.RoleName(org.OrgId, role.Name), role.Id),
        });
        await AddAsync(tables, rows);
        return roles;
    }

    public static async Task<List<MessageTemplate>> TemplatesAsync(OrgTables tables, OrgPath org, int count)
    {
        var templates = Enumerable.Range(1, count)
            .Select(i => MessageTemplate.Create($"tpl_{i:D3}", TemplateName.Create($"template_{i}"), TemplateLanguage.Create("en-GB"),
                TemplateCategory.Utility, TemplateBody.Create($"Hello {{{{1}}}}, this is template {i}.")))
            .ToList();
        await AddAsync(tables, templates.SelectMany(t => new ITableEntity[] { TemplateRow.Create(org, t), TemplateRow.NameReservation(org, t) }));
        return templates;
    }

    public static Task SenderIdAsync(OrgTables tables, OrgPath org, string senderId, string number = "+447700900123") =>
        tables.Orgs.AddEntityAsync(new TableEntity(org.RootId.Value, RowKeys.Sender(org.OrgId, senderId))
        {
            ["Kind"] = "sender", ["SenderId"] = senderId, ["OrgId"] = org.OrgId.Value, ["Number"] = number,
        });

    /// <summary>Rows of one kind (a RowKey prefix) of an org.</summary>
    public static Task<List<TableEntity>> RowsAsync(OrgTables tables, OrgPath org, string prefix) => RowsAsync<TableEntity>(tables, org, prefix);

    /// <summary>Rows of one kind (a RowKey prefix) of an org, as their typed entity.</summary>
    public static async Task<List<T>> RowsAsync<T>(OrgTables tables, OrgPath org, string prefix) where T : class, ITableEntity, new()
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {org.RootId.Value} and RowKey ge {prefix} and RowKey lt {RowKeys.PrefixEnd(prefix)}");
        var rows = new List<T>();
        await foreach (var row in tables.Orgs.QueryAsync<T>(filter))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static async Task AddAsync(OrgTables tables, IEnumerable<ITableEntity> rows)
    {
        await tables.EnsureCreatedAsync();
        foreach (var batch in rows.Chunk(100))
        {
            await tables.Orgs.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)).ToList());
        }
    }
}
