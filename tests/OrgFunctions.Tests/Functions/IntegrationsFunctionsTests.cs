using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Integrations;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Integrations;
using OrgFunctions.Orgs;
using OrgFunctions.Secrets;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

/// <summary>
/// /api/integration-types and /api/orgs/{orgId}/integrations over HTTP: the catalogue, settings judged by the type's schema,
/// write-only secrets (never answered, logged or stored in clear), URL settings under the webhook address rules,
/// visibility, permission and events.
/// </summary>
public sealed class IntegrationsFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly string[] Strict = ["--Webhooks:AllowHttp=false", "--Webhooks:AllowLoopback=false"];

    /// <summary>A public address as a literal: judged without DNS, and never called by these tests.</summary>
    private const string PublicUrl = "https://93.184.215.14/orgfunctions/hook";

    private readonly OrgApp _orgs = new(azurite);
    private readonly LogCapture _logs = new();
    private AppHost _app = null!;

    public async Task InitializeAsync() => _app = await AppHost.StartAsync(azurite, (services, _) => _logs.AddTo(services));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheCatalogueServesEachTypesSchemaAsTheAppJudgesItAndItsSecretsNames()
    {
        var (_, _, _, key) = await TreeAsync();

        var answer = await SendAsync(key, HttpMethod.Get, "api/integration-types");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var items = answer.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(IntegrationCatalog.Names, items.Select(i => i.GetProperty("type").GetString()));
        foreach (var item in items)
        {
            var type = IntegrationCatalog.Find(item.GetProperty("type").GetString()!)!;
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(type.SchemaText).RootElement, item.GetProperty("settingsSchema")));
            Assert.Equal(type.Secrets.Select(s => (s.Name, s.Required)),
                item.GetProperty("secrets").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("required").GetBoolean())));
        }
    }

    [Fact]
    public async Task AnIntegrationIsAddedListedReadChangedUnderItsETagAndRemovedEachWithItsEvent()
    {
        var (root, _, _, key) = await TreeAsync();
        var basePath = $"api/orgs/{root.Org.Id}/integrations";

        var created = await SendAsync(key, HttpMethod.Post, basePath, new
        {
            type = "zendesk",
            description = "Support tickets",
            settings = new { subdomain = "acme", agentEmail = "agent@acme.example", tags = new[] { "vip" } },
            secrets = new { apiToken = "zd-" + Guid.NewGuid().ToString("N") },
        });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.NotNull(created.ETag);
        var id = created.Json.GetProperty("id").GetString()!;
        Assert.StartsWith("int_", id);
        Assert.Equal("zendesk", created.Json.GetProperty("type").GetString());
        Assert.Equal("acme", created.Json.GetProperty("settings").GetProperty("subdomain").GetString());
        Assert.Equal("set", created.Json.GetProperty("secrets").GetProperty("apiToken").GetString());
        var listed = await SendAsync(key, HttpMethod.Get, basePath);
        Assert.Equal([id], listed.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var read = await SendAsync(key, HttpMethod.Get, $"{basePath}/{id}");
        Assert.Equal(created.Body, read.Body);

        var patch = AppHost.Request(HttpMethod.Patch, $"{basePath}/{id}", key,
            new { description = "Tickets (EU)", settings = new { subdomain = "acme-eu", tags = (string[]?)null }, secrets = new { apiToken = "zd-rotated" } });
        patch.Headers.TryAddWithoutValidation("If-Match", created.ETag);
        var changed = await HttpAnswer.SendAsync(_app, patch);
        var stale = AppHost.Request(HttpMethod.Patch, $"{basePath}/{id}", key, new { description = "Late" });
        stale.Headers.TryAddWithoutValidation("If-Match", created.ETag);

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Tickets (EU)", changed.Json.GetProperty("description").GetString());
        Assert.Equal("""{"subdomain":"acme-eu","agentEmail":"agent@acme.example"}""", changed.Json.GetProperty("settings").GetRawText());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await HttpAnswer.SendAsync(_app, stale)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(key, HttpMethod.Delete, $"{basePath}/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(key, HttpMethod.Get, $"{basePath}/{id}")).Status);

        var events = (await OutboxReader.EventsAsync(_orgs, root.Org.Path.RootId.Value))
            .Where(e => e.Type.StartsWith("integration.", StringComparison.Ordinal)).ToList();
        Assert.Equal([EventTypes.IntegrationAdded, EventTypes.IntegrationUpdated, EventTypes.IntegrationRemoved], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(id, e.Data!["integrationId"]!.GetValue<string>()));
        Assert.Equal("""["description","settings.subdomain","settings.tags","secrets.apiToken"]""", events[1].Data!["changed"]!.ToJsonString());
    }

    [Fact]
    public async Task SecretsAreNeverAnsweredLoggedOrStoredInClearAndAPatchKeepsTheOnesItDoesNotName()
    {
        var (root, _, _, key) = await TreeAsync();
        var basePath = $"api/orgs/{root.Org.Id}/integrations";
        var token = "tfp_" + Guid.NewGuid().ToString("N");
        var signing = "whsec-" + Guid.NewGuid().ToString("N");
        var answers = new List<HttpAnswer>();
        async Task<HttpAnswer> Send(HttpMethod method, string path, object? body = null)
        {
            var answer = await SendAsync(key, method, path, body);
            answers.Add(answer);
            return answer;
        }

        var created = await Send(HttpMethod.Post, basePath, new
        {
            type = "typeform",
            settings = new { formId = "u6nXL7" },
            secrets = new { personalAccessToken = token, webhookSecret = signing },
        });
        var id = created.Json.GetProperty("id").GetString()!;
        await Send(HttpMethod.Get, basePath);
        await Send(HttpMethod.Get, $"{basePath}/{id}");
        var described = await Send(HttpMethod.Patch, $"{basePath}/{id}", new { description = "Sign-up form" });
        var sealedAfterDescription = await StoredSecretsAsync(root, id);
        var cleared = await Send(HttpMethod.Patch, $"{basePath}/{id}", new { secrets = new { webhookSecret = (string?)null } });
        await Send(HttpMethod.Post, basePath, new { type = "typeform", settings = new { formId = "a b" }, secrets = new { personalAccessToken = token } });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("set", created.Json.GetProperty("secrets").GetProperty("webhookSecret").GetString());
        Assert.Equal("set", described.Json.GetProperty("secrets").GetProperty("webhookSecret").GetString());
        Assert.Equal(JsonValueKind.Null, cleared.Json.GetProperty("secrets").GetProperty("webhookSecret").ValueKind);
        Assert.Equal("set", cleared.Json.GetProperty("secrets").GetProperty("personalAccessToken").GetString());
        var box = _app.Services.GetRequiredService<IntegrationSecretBox>();
        Assert.Equal(new Dictionary<string, string> { ["personalAccessToken"] = token, ["webhookSecret"] = signing }, box.Open(sealedAfterDescription));
        var stored = await StoredSecretsAsync(root, id);
        Assert.StartsWith(SecretCodec.Prefix, stored);
        Assert.Equal(new Dictionary<string, string> { ["personalAccessToken"] = token }, box.Open(stored));

        var rows = new List<string>();
        await foreach (var row in _orgs.Tables.Orgs.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {root.Org.Path.RootId.Value}")))
        {
            rows.Add(string.Join(";", row.Select(p => $"{p.Key}={p.Value}")));
        }
        foreach (var secret in new[] { token, signing })
        {
            Assert.DoesNotContain(answers, a => a.Body.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(rows, r => r.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
        Assert.Contains(rows, r => r.Contains(id, StringComparison.Ordinal));
        Assert.NotEmpty(_logs.Lines);
    }

    [Fact]
    public async Task AnOrgAndItsAncestorsSeeItsIntegrationsAndASiblingOrADescendantDoesNot()
    {
        var (root, child, grandchild, rootKey) = await TreeAsync();
        var sibling = await _orgs.Trees.ChildAsync(root);
        var created = await SendAsync(rootKey, HttpMethod.Post, $"api/orgs/{child.Org.Id}/integrations", Zendesk());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var path = $"api/orgs/{child.Org.Id}/integrations/{created.Json.GetProperty("id").GetString()}";
        var childKey = await _orgs.Trees.KeyAsync(child);
        var siblingKey = await _orgs.Trees.KeyAsync(sibling);
        var grandchildKey = await _orgs.Trees.KeyAsync(grandchild);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(childKey, HttpMethod.Get, path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(rootKey, HttpMethod.Get, path)).Status);
        Assert.Empty((await SendAsync(rootKey, HttpMethod.Get, $"api/orgs/{root.Org.Id}/integrations")).Json.GetProperty("items").EnumerateArray());
        var missing = await SendAsync(childKey, HttpMethod.Get, $"api/orgs/{Domain.Orgs.OrgId.New()}/integrations");
        foreach (var hidden in new[]
                 {
                     await SendAsync(siblingKey, HttpMethod.Get, path),
                     await SendAsync(grandchildKey, HttpMethod.Get, path),
                     await SendAsync(childKey, HttpMethod.Get, $"api/orgs/{root.Org.Id}/integrations"),
                     await SendAsync(siblingKey, HttpMethod.Delete, path),
                     await SendAsync(grandchildKey, HttpMethod.Patch, path, new { description = "Not mine" }),
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
            Assert.Equal(missing.Body, hidden.Body);
        }
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(childKey, HttpMethod.Get, path)).Status);
    }

    [Fact]
    public async Task ReadingOrChangingIntegrationsNeedsSettingsManage()
    {
        var (root, _, _, ownerKey) = await TreeAsync();
        var memberKey = await _orgs.Trees.KeyAsync(root, SystemRoles.MemberId);
        var id = (await SendAsync(ownerKey, HttpMethod.Post, $"api/orgs/{root.Org.Id}/integrations", Zendesk())).Json.GetProperty("id").GetString();
        var before = await PartitionSnapshot.TakeAsync(_orgs, root.Org.Path.RootId.Value);

        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Get, $"api/orgs/{root.Org.Id}/integrations", null),
                     (HttpMethod.Post, $"api/orgs/{root.Org.Id}/integrations", Zendesk()),
                     (HttpMethod.Get, $"api/orgs/{root.Org.Id}/integrations/{id}", null),
                     (HttpMethod.Patch, $"api/orgs/{root.Org.Id}/integrations/{id}", new { description = "Member" }),
                     (HttpMethod.Delete, $"api/orgs/{root.Org.Id}/integrations/{id}", null),
                 })
        {
            var answer = await SendAsync(memberKey, method, path, body);
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            Assert.Contains(Permission.SettingsManage, answer.Body);
        }
        Assert.Equal(before.Where(r => !r.Key.StartsWith("key:", StringComparison.Ordinal)),
            (await PartitionSnapshot.TakeAsync(_orgs, root.Org.Path.RootId.Value)).Where(r => !r.Key.StartsWith("key:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BadInputIs400ProblemNamingEachFieldWithNothingWritten()
    {
        var (root, _, _, key) = await TreeAsync();
        var basePath = $"api/orgs/{root.Org.Id}/integrations";
        var id = (await SendAsync(key, HttpMethod.Post, basePath, Zendesk())).Json.GetProperty("id").GetString();
        var https = (await SendAsync(key, HttpMethod.Post, basePath, new { type = "https", settings = new { url = PublicUrl } })).Json.GetProperty("id").GetString();
        var before = await PartitionSnapshot.TakeAsync(_orgs, root.Org.Path.RootId.Value);
        var cases = new (HttpMethod Method, string Path, object Body, string[] Fields)[]
        {
            (HttpMethod.Post, basePath, new { }, ["type"]),
            (HttpMethod.Post, basePath, new { type = "salesforce", colour = "red" }, ["colour", "type"]),
            (HttpMethod.Post, basePath, new { type = "zendesk", settings = "acme", secrets = new { apiToken = "t" } }, ["settings"]),
            (HttpMethod.Post, basePath, new { type = "zendesk", settings = new { subdomain = "Acme Corp", colour = "red" }, secrets = new { apiToken = "t" } },
                ["settings.agentEmail", "settings.colour", "settings.subdomain"]),
            (HttpMethod.Post, basePath, new { type = "zendesk", settings = new { subdomain = "acme", agentEmail = "a@acme.example" } }, ["secrets.apiToken"]),
            (HttpMethod.Post, basePath, new { type = "zendesk", settings = new { subdomain = "acme", agentEmail = "a@acme.example" },
                secrets = new { apiToken = "t", password = "p" } }, ["secrets.password"]),
            (HttpMethod.Post, basePath, new { type = "dialogflow", description = new string('d', Integration.MaxDescriptionLength + 1),
                settings = new { projectId = "acme-bots", agentId = "not-a-uuid" }, secrets = new { serviceAccountKey = 42 } },
                ["description", "secrets.serviceAccountKey", "settings.agentId"]),
            (HttpMethod.Post, basePath, new { type = "https", settings = new { url = "not a url", timeoutSeconds = 60 }, secrets = "s" },
                ["secrets", "settings.timeoutSeconds", "settings.url"]),
            (HttpMethod.Patch, $"{basePath}/{id}", new { type = "typeform" }, ["type"]),
            (HttpMethod.Patch, $"{basePath}/{id}", new { secrets = new { apiToken = (string?)null } }, ["secrets.apiToken"]),
            (HttpMethod.Patch, $"{basePath}/{id}", new { secrets = new { apiToken = " ", token = "t" } }, ["secrets.apiToken", "secrets.token"]),
            (HttpMethod.Patch, $"{basePath}/{id}", new { settings = new { agentEmail = (string?)null, defaultGroupId = "seven" } },
                ["settings.agentEmail", "settings.defaultGroupId"]),
            (HttpMethod.Patch, $"{basePath}/{https}", new { settings = new { method = "GET" } }, ["settings.method"]),
        };

        foreach (var (method, path, body, fields) in cases)
        {
            var answer = await SendAsync(key, method, path, body);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Equal(fields, answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(_orgs, root.Org.Path.RootId.Value));
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://localhost:8443/hook", "loopback")]
    [InlineData("https://169.254.169.254/latest/meta-data", "metadata")]
    [InlineData("https://10.1.2.3/hook", "private")]
    [InlineData("http://93.184.215.14/hook", "must use https")]
    [InlineData("https://user:pass@93.184.215.14/hook", "credentials")]
    public async Task AUrlSettingObeysTheWebhookAddressRulesOnAddAndOnChange(string url, string reason)
    {
        await using var strict = await AppHost.StartAsync(azurite, null, Strict);
        var (root, _, _, key) = await TreeAsync();
        var basePath = $"api/orgs/{root.Org.Id}/integrations";
        var created = await HttpAnswer.SendAsync(strict, AppHost.Request(HttpMethod.Post, basePath, key, new { type = "https", settings = new { url = PublicUrl } }));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var before = await PartitionSnapshot.TakeAsync(_orgs, root.Org.Path.RootId.Value);

        var added = await HttpAnswer.SendAsync(strict, AppHost.Request(HttpMethod.Post, basePath, key, new { type = "https", settings = new { url } }));
        var changed = await HttpAnswer.SendAsync(strict, AppHost.Request(HttpMethod.Patch, $"{basePath}/{created.Json.GetProperty("id").GetString()}", key,
            new { settings = new { url } }));

        foreach (var refused in new[] { added, changed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            var reasons = refused.Json.GetProperty("errors").GetProperty("settings.url");
            Assert.Contains(reason, reasons[0].GetString());
        }
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(_orgs, root.Org.Path.RootId.Value));
    }

    private static object Zendesk() => new
    {
        type = "zendesk",
        settings = new { subdomain = "acme", agentEmail = "agent@acme.example" },
        secrets = new { apiToken = "zd-" + Guid.NewGuid().ToString("N") },
    };

    private async Task<string?> StoredSecretsAsync(OrgRecord org, string id) =>
        (await _orgs.Tables.Orgs.GetEntityAsync<IntegrationEntity>(org.Org.Path.RootId.Value, RowKeys.Integration(org.Org.Id, id))).Value.Secrets;

    private async Task<(OrgRecord Root, OrgRecord Child, OrgRecord Grandchild, string RootKey)> TreeAsync()
    {
        var (root, _) = await _orgs.Trees.RootAsync();
        var child = await _orgs.Trees.ChildAsync(root);
        var grandchild = await _orgs.Trees.ChildAsync(child);
        return (root, child, grandchild, await _orgs.Trees.KeyAsync(root));
    }

    private Task<HttpAnswer> SendAsync(string key, HttpMethod method, string path, object? body = null) =>
        HttpAnswer.SendAsync(_app, AppHost.Request(method, path, key, body));
}
