using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

/// <summary>Issue 5, point 7: a tree grown over HTTP, with settings, roles and templates inherited down it.</summary>
public sealed class ProvisioningEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task GrandchildrenInheritTheChildsSettingsRolesAndTemplatesAndLaterOverrides()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();
        await SendAsync(app, key, HttpMethod.Patch, $"api/orgs/{rootId}/settings", new { locale = "de-DE", features = new { ai = true } },
            HttpStatusCode.OK);
        await SendAsync(app, key, HttpMethod.Post, $"api/orgs/{rootId}/roles", new { name = "Auditor", permissions = new[] { "orgs.read", "reports.read" } },
            HttpStatusCode.Created);
        await SendAsync(app, key, HttpMethod.Post, $"api/orgs/{rootId}/templates",
            new { name = "order_shipped", language = "en-GB", category = "UTILITY", body = "Hi {{1}}, order {{2}} shipped." }, HttpStatusCode.Created);

        var child = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Child", overrides = new { timeZone = "Europe/Berlin" } });
        var grandchild = await ProvisioningHttp.CreateChildAsync(app, key, child, new { name = "Grandchild 1" });

        var childSettings = await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{child}/settings");
        var grandchildSettings = await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{grandchild}/settings");
        Assert.Equal(Values(childSettings), Values(grandchildSettings));
        // Provenance: the root set the locale, the child overrode the time zone; the grandchild inherits both from where they were set.
        AssertSetting(childSettings.GetProperty("locale"), "de-DE", "inherited", rootId);
        AssertSetting(childSettings.GetProperty("timeZone"), "Europe/Berlin", "overridden", null);
        AssertSetting(grandchildSettings.GetProperty("locale"), "de-DE", "inherited", rootId);
        AssertSetting(grandchildSettings.GetProperty("timeZone"), "Europe/Berlin", "inherited", child);
        AssertSetting(grandchildSettings.GetProperty("features").GetProperty("ai"), true, "inherited", rootId);

        Assert.Equal(Roles(await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{child}/roles")),
            Roles(await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{grandchild}/roles")));
        Assert.Contains("Auditor", Roles(await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{grandchild}/roles")));
        var template = Assert.Single((await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{grandchild}/templates")).GetProperty("items").EnumerateArray());
        Assert.Equal("order_shipped", template.GetProperty("name").GetString());
        Assert.Equal(rootId, template.GetProperty("inheritedFrom").GetString());

        // An override in the child, then a second grandchild: it inherits the override, from the child.
        await SendAsync(app, key, HttpMethod.Patch, $"api/orgs/{child}/settings", new { loginAttempts = 3 }, HttpStatusCode.OK);
        var second = await ProvisioningHttp.CreateChildAsync(app, key, child, new { name = "Grandchild 2" });

        var secondSettings = await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{second}/settings");
        AssertSetting(secondSettings.GetProperty("loginAttempts"), 3, "inherited", child);
        AssertSetting(secondSettings.GetProperty("locale"), "de-DE", "inherited", rootId);
        Assert.Equal(Values(await ProvisioningHttp.GetJsonAsync(app, key, $"api/orgs/{child}/settings")), Values(secondSettings));
    }

    private static async Task SendAsync(AppHost app, string key, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        using var response = await app.Client.SendAsync(AppHost.Request(method, path, key, body));
        Assert.True(expected == response.StatusCode, $"{method} {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static void AssertSetting(JsonElement setting, object value, string source, string? inheritedFrom)
    {
        Assert.Equal(JsonSerializer.Serialize(value), setting.GetProperty("value").GetRawText());
        Assert.Equal(source, setting.GetProperty("source").GetString());
        Assert.Equal(inheritedFrom, setting.GetProperty("inheritedFrom").GetString());
    }

    /// <summary>Every setting's value, flattened (provenance differs between levels by design).</summary>
    private static Dictionary<string, string> Values(JsonElement settings)
    {
        var values = new Dictionary<string, string>();
        foreach (var property in settings.EnumerateObject())
        {
            if (property.Value.TryGetProperty("value", out var value))
            {
                values[property.Name] = value.GetRawText();
            }
            else
            {
                foreach (var member in property.Value.EnumerateObject())
                {
                    values[property.Name + "." + member.Name] = member.Value.GetProperty("value").GetRawText();
                }
            }
        }
        return values;
    }

    private static List<string> Roles(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
}
