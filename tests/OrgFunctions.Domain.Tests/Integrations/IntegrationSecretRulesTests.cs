using System.Text.Json.Nodes;
using OrgFunctions.Domain.Integrations;

namespace OrgFunctions.Domain.Tests.Integrations;

public class IntegrationSecretRulesTests
{
    [Fact]
    public void ASecretTheTypeDoesNotTakeIsRefusedNamingTheOnesItDoes()
    {
        var problems = IntegrationSecretRules.Problems(IntegrationCatalog.Zendesk, Changes(("apiToken", "t0ken"), ("password", "hunter2")), []);

        var (field, reason) = Assert.Single(problems);
        Assert.Equal("secrets.password", field);
        Assert.Contains("apiToken", reason);
    }

    [Fact]
    public void ARequiredSecretMustBeSetOnceTheChangeApplies()
    {
        Assert.Equal([("secrets.personalAccessToken", "is required by typeform")],
            IntegrationSecretRules.Problems(IntegrationCatalog.Typeform, Changes(("webhookSecret", "whsec")), []));
        Assert.Empty(IntegrationSecretRules.Problems(IntegrationCatalog.Typeform, Changes(("webhookSecret", "whsec")), ["personalAccessToken"]));
        Assert.Equal(["secrets.personalAccessToken"], IntegrationSecretRules.Problems(IntegrationCatalog.Typeform,
            Changes(("personalAccessToken", null)), ["personalAccessToken"]).Select(p => p.Field));
    }

    [Fact]
    public void AnOptionalSecretIsClearedByNullAndTheOthersAreKept()
    {
        var set = IntegrationSecretRules.SetAfter(Changes(("webhookSecret", null), ("personalAccessToken", "new")), ["personalAccessToken", "webhookSecret"]);

        Assert.Equal(["personalAccessToken"], set);
        Assert.Empty(IntegrationSecretRules.Problems(IntegrationCatalog.Typeform, Changes(("webhookSecret", null)), ["personalAccessToken", "webhookSecret"]));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("   ", "must not be empty")]
    public void AnEmptySecretIsRefused(string value, string reason) =>
        Assert.StartsWith(reason, Assert.Single(IntegrationSecretRules.Problems(IntegrationCatalog.Zendesk, Changes(("apiToken", value)), [])).Reason);

    [Fact]
    public void ASecretLongerThanTheLimitIsRefused()
    {
        Assert.Empty(IntegrationSecretRules.Problems(IntegrationCatalog.Zendesk, Changes(("apiToken", new string('x', IntegrationSecretRules.MaxLength))), []));
        Assert.Single(IntegrationSecretRules.Problems(IntegrationCatalog.Zendesk, Changes(("apiToken", new string('x', IntegrationSecretRules.MaxLength + 1))), []));
    }

    [Fact]
    public void SettingsMergeAtTheTopLevelANullRemovingOne()
    {
        var current = JsonNode.Parse("""{ "url": "https://a.example/hook", "method": "PUT", "timeoutSeconds": 5 }""")!.AsObject();

        var merged = Integration.MergeSettings(current, JsonNode.Parse("""{ "method": null, "timeoutSeconds": 20 }""")!.AsObject());

        Assert.Equal("""{"url":"https://a.example/hook","timeoutSeconds":20}""", merged.ToJsonString());
        Assert.Equal("PUT", current["method"]!.GetValue<string>());
    }

    private static Dictionary<string, string?> Changes(params (string Name, string? Value)[] changes) =>
        changes.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
}
