using System.Text.Json;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Domain.SmartPhrases;
using OrgFunctions.Domain.Templates;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Http;
using OrgFunctions.Orgs;
using OrgFunctions.Provisioning;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.OpenApi;

/// <summary>The limits and catalogues the document states are the ones the code enforces.</summary>
public class DocumentedLimitsTests
{
    private static JsonElement Schema(string name) => ApiDocument.Schemas.Resolve("#/components/schemas/" + name);

    private static int Int(JsonElement schema, string keyword) => schema.GetProperty(keyword).GetInt32();

    [Fact]
    public void ThePermissionEnumIsThePermissionCatalogue()
    {
        var documented = Schema("Permission").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

        Assert.Equal(Permission.All.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheSettingsAreTheSettingCatalogueWithItsRanges()
    {
        var names = Schema("SettingName").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);
        Assert.Equal(SettingCatalog.All.Select(d => d.Name), names);

        var patch = Schema("SettingsPatch").GetProperty("properties");
        var view = Schema("Settings").GetProperty("properties");
        foreach (var definition in SettingCatalog.All)
        {
            var (inPatch, inView) = definition.Name.Split('.') is [var group, var member]
                ? (patch.GetProperty(group).GetProperty("properties").GetProperty(member),
                   ApiDocument.Deref(view.GetProperty(group).GetProperty("properties").GetProperty(member)))
                : (patch.GetProperty(definition.Name), ApiDocument.Deref(view.GetProperty(definition.Name)));
            var value = inView.GetProperty("properties").GetProperty("value");
            var type = definition.Kind switch
            {
                SettingKind.Integer => "integer",
                SettingKind.Switch => "boolean",
                _ => "string",
            };
            Assert.Equal(type, inPatch.GetProperty("type").GetString());
            Assert.Equal(type, value.GetProperty("type").GetString());
            if (definition.Kind == SettingKind.Integer)
            {
                Assert.Equal((definition.Min, definition.Max), (Int(inPatch, "minimum"), Int(inPatch, "maximum")));
                Assert.Equal((definition.Min, definition.Max), (Int(value, "minimum"), Int(value, "maximum")));
            }
        }
        Assert.Equal(SettingCatalog.All.Count(d => !d.Name.Contains('.')) + 2, patch.EnumerateObject().Count());
    }

    [Fact]
    public void NameAndTextLimitsAreTheDomainsLimits()
    {
        Assert.Equal((1, OrgName.MaxLength), MinMaxLength(Schema("SignupRequest").GetProperty("properties").GetProperty("orgName")));
        Assert.Equal((1, OrgName.MaxLength), MinMaxLength(Schema("OrgPatch").GetProperty("properties").GetProperty("name")));
        Assert.Equal(Org.MaxDescriptionLength, Int(Schema("OrgPatch").GetProperty("properties").GetProperty("description"), "maxLength"));
        Assert.Equal((1, RoleName.MaxLength), MinMaxLength(Schema("RoleRequest").GetProperty("properties").GetProperty("name")));
        Assert.Equal((1, ApiKey.MaxNameLength), MinMaxLength(Schema("ApiKeyRequest").GetProperty("properties").GetProperty("name")));
    }

    [Fact]
    public void PagingAndBodyLimitsAreTheApisLimits()
    {
        var maxPerPage = ApiDocument.Deref(ApiDocument.Schemas.Resolve("#/components/parameters/MaxPerPage")).GetProperty("schema");

        Assert.Equal((1, OrgService.Paging.MaxSize, OrgService.Paging.DefaultSize),
            (Int(maxPerPage, "minimum"), Int(maxPerPage, "maximum"), Int(maxPerPage, "default")));
        Assert.Contains(JsonBody.MaxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes", ApiDocument.Schemas.Resolve("#/components/responses/PayloadTooLarge")
            .GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProvisioningTemplateAndWebhookLimitsAndCataloguesAreTheCodes()
    {
        var provisioning = Schema("ProvisioningRequest").GetProperty("properties");
        Assert.Equal((1, OrgName.MaxLength), MinMaxLength(provisioning.GetProperty("name")));
        Assert.Equal(Org.MaxDescriptionLength, Int(provisioning.GetProperty("description"), "maxLength"));
        var copy = provisioning.GetProperty("copy").GetProperty("anyOf")[0].GetProperty("properties");
        Assert.Equal(ProvisioningRequest.MaxSenderIds, Int(copy.GetProperty("senderIds"), "maxItems"));
        var idempotencyKey = ApiDocument.Schemas.Resolve("#/components/parameters/IdempotencyKey").GetProperty("schema");
        Assert.Equal(IdempotencyKeys.MaxLength, Int(idempotencyKey, "maxLength"));

        var template = Schema("TemplateRequest").GetProperty("properties");
        Assert.Equal((1, TemplateName.MaxLength), MinMaxLength(template.GetProperty("name")));
        Assert.Equal((1, TemplateBody.MaxLength), MinMaxLength(template.GetProperty("body")));
        Assert.Equal(Enum.GetValues<TemplateCategory>().Select(c => c.ToApi()), Enumerated("TemplateCategory"));
        Assert.Equal(Enum.GetValues<TemplateStatus>().Select(c => c.ToApi()), Enumerated("TemplateStatus"));

        foreach (var request in new[] { "WebhookRequest", "WebhookPatch" })
        {
            var webhook = Schema(request).GetProperty("properties");
            Assert.Equal((1, EndpointUrl.MaxLength), MinMaxLength(webhook.GetProperty("url")));
            Assert.Equal(SubscriptionRequest.MaxEvents, Int(webhook.GetProperty("events"), "maxItems"));
            Assert.Equal(WebhookSubscription.MaxDescriptionLength, Int(webhook.GetProperty("description"), "maxLength"));
        }
        Assert.Equal(WebhookEventCatalog.Entries.Select(e => e.Type), Enumerated("WebhookEventType"));
        Assert.Equal(Enum.GetValues<DeliveryStatus>().Select(s => s.ToName()), Enumerated("DeliveryStatus"));
        var deliveriesPerPage = ApiDocument.Schemas.Resolve("#/components/parameters/DeliveryMaxPerPage").GetProperty("schema");
        Assert.Equal((1, DeliveryLogService.Paging.MaxSize, DeliveryLogService.Paging.DefaultSize),
            (Int(deliveriesPerPage, "minimum"), Int(deliveriesPerPage, "maximum"), Int(deliveriesPerPage, "default")));
        Assert.Contains($"At most {SubscriptionService.MaxSubscriptionsPerOrg} subscriptions per org",
            ApiDocument.Operation("/orgs/{orgId}/webhooks", "post").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BlocklistSmartPhraseAndImportLimitsAreTheCodes()
    {
        var entry = Schema("BlocklistRequest").GetProperty("properties");
        Assert.Equal(ChannelIdentifier.MaxLength, Int(entry.GetProperty("identifier"), "maxLength"));
        Assert.Equal(BlockEntry.MaxReasonLength, Int(entry.GetProperty("reason"), "maxLength"));
        Assert.Equal(ChannelIdentifier.MaxLength, Int(Schema("InboundRequest").GetProperty("properties").GetProperty("from"), "maxLength"));
        Assert.Equal(Channels.Names.Order(StringComparer.Ordinal),
            Schema("BlocklistEntry").GetProperty("properties").GetProperty("channel").GetProperty("enum").EnumerateArray()
                .Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        var blocklistPage = ApiDocument.Schemas.Resolve("#/components/parameters/BlocklistMaxPerPage").GetProperty("schema");
        Assert.Equal((1, BlocklistService.Paging.MaxSize, BlocklistService.Paging.DefaultSize),
            (Int(blocklistPage, "minimum"), Int(blocklistPage, "maximum"), Int(blocklistPage, "default")));

        var phrase = Schema("SmartPhrase").GetProperty("properties");
        Assert.Equal((1, SmartPhrase.MaxShortcutLength), MinMaxLength(phrase.GetProperty("shortcut")));
        Assert.Equal((1, SmartPhrase.MaxTextLength), MinMaxLength(phrase.GetProperty("text")));
        var request = Schema("SmartPhraseRequest").GetProperty("properties");
        Assert.Equal(SmartPhrase.MaxTags, Int(request.GetProperty("tags"), "maxItems"));
        Assert.Equal(SmartPhrase.MaxTagLength, Int(request.GetProperty("tags").GetProperty("items"), "maxLength"));
        Assert.Equal(OrgFunctions.SmartPhrases.SmartPhraseService.MaxResults,
            Int(Schema("SmartPhraseList").GetProperty("properties").GetProperty("items"), "maxItems"));

        var importsPage = ApiDocument.Schemas.Resolve("#/components/parameters/ImportsMaxPerPage").GetProperty("schema");
        Assert.Equal(OrgFunctions.FileDrops.ImportsService.Paging.DefaultSize, Int(importsPage, "default"));
    }

    [Fact]
    public void ActivityPagingAndTypeLimitsAreTheFeedsLimits()
    {
        var parameters = ApiDocument.Operation("/orgs/{orgId}/activity", "get").GetProperty("parameters").EnumerateArray()
            .Select(ApiDocument.Deref).ToDictionary(p => p.GetProperty("name").GetString()!);
        var page = parameters["maxPerPage"].GetProperty("schema");
        Assert.Equal((1, OrgFunctions.ActivityFeed.ActivityService.Paging.MaxSize, OrgFunctions.ActivityFeed.ActivityService.Paging.DefaultSize),
            (Int(page, "minimum"), Int(page, "maximum"), Int(page, "default")));
        Assert.Contains($"at most {OrgFunctions.ActivityFeed.ActivityFilter.MaxTypePatterns}", parameters["types"].GetProperty("description").GetString());
    }

    [Fact]
    public void IntegrationTypesAndLimitsAreTheCatalogueAndTheRules()
    {
        Assert.Equal(Domain.Integrations.IntegrationCatalog.Names, Enumerated("IntegrationTypeName"));
        foreach (var schema in new[] { "IntegrationRequest", "IntegrationPatch" })
        {
            var properties = Schema(schema).GetProperty("properties");
            Assert.Equal(Domain.Integrations.Integration.MaxDescriptionLength, Int(properties.GetProperty("description"), "maxLength"));
            Assert.Equal(Domain.Integrations.IntegrationSecretRules.MaxLength,
                Int(properties.GetProperty("secrets").GetProperty("patternProperties").EnumerateObject().Single().Value, "maxLength"));
        }
        Assert.Contains($"at most {Domain.Integrations.Integration.MaxSettingsLength} characters",
            Schema("IntegrationRequest").GetProperty("properties").GetProperty("settings").GetProperty("description").GetString());
        var page = ApiDocument.Operation("/orgs/{orgId}/integrations", "get").GetProperty("parameters")[0].GetProperty("schema");
        Assert.Equal((1, OrgFunctions.Integrations.IntegrationService.Paging.MaxSize, OrgFunctions.Integrations.IntegrationService.Paging.DefaultSize),
            (Int(page, "minimum"), Int(page, "maximum"), Int(page, "default")));
    }

    private static IEnumerable<string> Enumerated(string schema) => Schema(schema).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

    private static (int, int) MinMaxLength(JsonElement schema) => (Int(schema, "minLength"), Int(schema, "maxLength"));
}
