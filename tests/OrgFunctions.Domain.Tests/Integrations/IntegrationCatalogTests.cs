using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OrgFunctions.Domain.Integrations;

namespace OrgFunctions.Domain.Tests.Integrations;

public class IntegrationCatalogTests
{
    public static readonly TheoryData<string> Types = new(IntegrationCatalog.Names);

    [Fact]
    public void TheCatalogueHasDialogflowTypeformZendeskAndAGenericHttpsService() =>
        Assert.Equal(["dialogflow", "typeform", "zendesk", "https"], IntegrationCatalog.Names);

    [Theory]
    [MemberData(nameof(Types))]
    public void EachSchemaIsAValidDraft202012SchemaOfAClosedFlatObject(string name)
    {
        var type = IntegrationCatalog.Find(name)!;
        using var schema = JsonDocument.Parse(type.SchemaText);

        var meta = MetaSchemas.Draft202012.Evaluate(schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(meta.IsValid, string.Join("; ", (meta.Details ?? []).SelectMany(d => d.Errors ?? new Dictionary<string, string>()).Select(e => e.Value)));
        var document = JsonNode.Parse(type.SchemaText)!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document["$schema"]!.GetValue<string>());
        Assert.Equal("object", document["type"]!.GetValue<string>());
        Assert.False(document["additionalProperties"]!.GetValue<bool>());
        var properties = document["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(document["required"]!.AsArray(), r => Assert.Contains(r!.GetValue<string>(), properties));
        Assert.All(properties, p => Assert.Null(document["properties"]![p]!["properties"]));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void SecretNamesAreDistinctLettersAndNeverASettingsName(string name)
    {
        var type = IntegrationCatalog.Find(name)!;
        var settings = JsonNode.Parse(type.SchemaText)!["properties"]!.AsObject().Select(p => p.Key);

        Assert.NotEmpty(type.Secrets);
        Assert.All(type.Secrets, s => Assert.Matches("^[a-z][A-Za-z]*$", s.Name));
        Assert.Equal(type.Secrets.Count, type.Secrets.Select(s => s.Name).Distinct().Count());
        Assert.Empty(type.Secrets.Select(s => s.Name).Intersect(settings));
    }

    [Fact]
    public void OnlyTheHttpsServiceHasAUrlSetting()
    {
        Assert.Equal(["url"], IntegrationCatalog.Https.UrlSettings);
        Assert.All(IntegrationCatalog.All.Where(t => t != IntegrationCatalog.Https), t => Assert.Empty(t.UrlSettings));
    }

    [Fact]
    public void SettingsThatSatisfyTheSchemaHaveNoProblems()
    {
        var settings = Parse("""{ "subdomain": "acme", "agentEmail": "agent@acme.example", "defaultGroupId": 7, "tags": ["vip", "sms:inbound"] }""");

        Assert.Empty(IntegrationCatalog.Zendesk.SettingsProblems(settings));
    }

    [Fact]
    public void EachFailingSettingIsNamedAsSettingsDotItsName()
    {
        var settings = Parse("""{ "subdomain": "Acme Corp", "defaultGroupId": 0, "tags": ["ok", 5], "colour": "red" }""");

        var problems = IntegrationCatalog.Zendesk.SettingsProblems(settings);

        Assert.Equal(["settings.agentEmail", "settings.colour", "settings.defaultGroupId", "settings.subdomain", "settings.tags[1]"],
            problems.Select(p => p.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(("settings.agentEmail", "is required"), problems);
        Assert.Contains(("settings.colour", "is not a setting of zendesk"), problems);
        Assert.Contains(problems, p => p.Field == "settings.subdomain" && p.Reason.StartsWith("must match ^[a-z0-9]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "formId": "u6nXL7", "region": "asia" }""", "settings.region")]
    [InlineData("""{ "formId": "a b" }""", "settings.formId")]
    [InlineData("""{ "region": "eu" }""", "settings.formId")]
    public void TypeformRefusesWhatItsSchemaDoesNotAllow(string json, string field) =>
        Assert.Equal([field], IntegrationCatalog.Typeform.SettingsProblems(Parse(json)).Select(p => p.Field).Distinct());

    [Fact]
    public void AnEmailSettingIsCheckedAsAnEmail() =>
        Assert.Equal(["settings.agentEmail"], IntegrationCatalog.Zendesk.SettingsProblems(
            Parse("""{ "subdomain": "acme", "agentEmail": "not an email" }""")).Select(p => p.Field));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
