using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Templates;
using OrgFunctions.Storage;
using OrgFunctions.Templates;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Templates;

/// <summary>Template rows store exactly the columns their string-keyed predecessors stored, and old rows read back.</summary>
public sealed class TemplateRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task TemplateAndNameRowsStoreTheColumnsTheyAlwaysStored()
    {
        var org = OrgPath.Root(OrgId.New());
        var own = Template();
        foreach (var template in new[] { own, own.CopyFor(OrgId.New()) })
        {
            await StoredColumns.AssertSameAsync(_app.Tables.Orgs, TemplateRow.Create(org, template), Legacy(org, template));
        }
        await StoredColumns.AssertSameAsync(_app.Tables.Orgs, TemplateRow.NameReservation(org, own),
            new TableEntity(org.RootId.Value, RowKeys.TemplateName(org.OrgId, own.UniquenessKey)) { ["Kind"] = "templatename", ["TemplateId"] = own.Id });
    }

    [Fact]
    public async Task ATemplateRowWrittenBeforeTypedRowsReadsAsTheSameTemplate()
    {
        var org = OrgPath.Root(OrgId.New());
        var template = Template().CopyFor(OrgId.New());

        var record = TemplateRow.Read(await StoredColumns.ReadLegacyAsync<TemplateEntity>(_app.Tables.Orgs, Legacy(org, template)));

        Assert.Equal((template.Id, template.Name.Value, template.Language.Value, template.Category, template.Body.Value, template.Status, template.InheritedFrom),
            (record.Template.Id, record.Template.Name.Value, record.Template.Language.Value, record.Template.Category, record.Template.Body.Value,
                record.Template.Status, record.Template.InheritedFrom));
    }

    private static MessageTemplate Template() => MessageTemplate.Create("tpl_1", TemplateName.Create("order_update"),
        TemplateLanguage.Create("en-GB"), TemplateCategory.Utility, TemplateBody.Create("Hello {{1}}, your order shipped."));

    private static TableEntity Legacy(OrgPath org, MessageTemplate template) => new(org.RootId.Value, RowKeys.Template(org.OrgId, template.Id))
    {
        ["Kind"] = "template",
        ["OrgId"] = org.OrgId.Value,
        ["TemplateId"] = template.Id,
        ["Name"] = template.Name.Value,
        ["Language"] = template.Language.Value,
        ["Category"] = template.Category.ToApi(),
        ["Body"] = template.Body.Value,
        ["Status"] = template.Status.ToApi(),
        ["InheritedFrom"] = template.InheritedFrom?.Value,
    };
}
