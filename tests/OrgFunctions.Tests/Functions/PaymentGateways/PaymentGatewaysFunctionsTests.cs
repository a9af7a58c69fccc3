using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Storage;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace OrgFunctions.Tests.Functions.PaymentGateways;

/// <summary>
/// /api/orgs/{orgId}/payment-gateways over HTTP, with the payment vault played by WireMock.Net on 127.0.0.1 speaking
/// Spreedly's gateway API: credentials go to the vault and nowhere else (not the row, the answer or a log line).
/// </summary>
public sealed class PaymentGatewaysFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string EnvironmentKey = "env-key-for-tests";
    private const string AccessSecret = "access-secret-for-tests";
    private const string Token = "GaTeWaYt0kEn42";

    private readonly string _secret = "sk_live_" + Guid.NewGuid().ToString("N");
    private readonly LogCapture _logs = new();
    private WireMockServer _vault = null!;
    private AppHost _app = null!;
    private string _orgId = "", _key = "";

    public async Task InitializeAsync()
    {
        _vault = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort.Next()}"] });
        // WireMock's first answer runs much cold code (seconds on a busy machine): not what the vault timeout is about.
        _vault.Given(Request.Create().WithPath("/warm-up")).RespondWith(Response.Create().WithStatusCode(201)
            .WithHeader("Content-Type", "application/json").WithBody("""{ "warm": true }"""));
        using (var client = new HttpClient())
        {
            (await client.PostAsync($"{_vault.Urls[0]}/warm-up", new StringContent("{}"))).EnsureSuccessStatusCode();
        }
        _vault.Reset();
        _app = await AppHost.StartAsync(azurite, (services, _) => _logs.AddTo(services),
            $"--PaymentVault:BaseUrl={_vault.Urls[0]}/", $"--PaymentVault:EnvironmentKey={EnvironmentKey}",
            $"--PaymentVault:AccessSecret={AccessSecret}", "--PaymentVault:Timeout=00:00:04");
        (_orgId, _key) = await _app.SignUpAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _vault.Stop();
        _vault.Dispose();
    }

    private Task<HttpAnswer> SendAsync(HttpMethod method, string path, object? body = null, string? key = null) =>
        HttpAnswer.SendAsync(_app, AppHost.Request(method, $"api/orgs/{path}", key ?? _key, body));

    private async Task EnablePaymentsAsync(string orgId)
    {
        var patched = await SendAsync(HttpMethod.Patch, $"{orgId}/settings", new { features = new { payments = true } });
        Assert.Equal(HttpStatusCode.OK, patched.Status);
    }

    private object Stripe(string description = "Card payments") =>
        new { gatewayType = "stripe", description, credentials = new { login = _secret } };

    private void VaultCreates() => _vault.Given(Request.Create().WithPath("/v1/gateways.json").UsingPost())
        .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(
            $$"""{ "gateway": { "token": "{{Token}}", "gateway_type": "stripe", "name": "Stripe", "state": "retained", "redacted": false } }"""));

    private void VaultRedacts() => _vault.Given(Request.Create().WithPath($"/v1/gateways/{Token}/redact.json").UsingPut())
        .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
            $$"""{ "transaction": { "succeeded": true, "state": "succeeded", "gateway": { "token": "{{Token}}", "state": "redacted" } } }"""));

    private async Task<List<TableEntity>> StoredGatewaysAsync(string? orgId = null)
    {
        var orgs = new TableClient(azurite.ConnectionString, TableNames.Orgs);
        var rows = new List<TableEntity>();
        await foreach (var row in orgs.QueryAsync<TableEntity>(RowKeys.PrefixFilter(_orgId, $"pgw:{orgId ?? _orgId}:")))
        {
            rows.Add(row);
        }
        return rows;
    }

    private async Task<List<string>> EventTypesAsync() =>
        (await OutboxReader.EventsAsync(new OrgApp(azurite), _orgId)).Select(e => e.Type).ToList();

    [Fact]
    public async Task TheCredentialsGoToTheVaultAndOnlyTheTokenTypeAndDescriptionAreStored()
    {
        await EnablePaymentsAsync(_orgId);
        VaultCreates();

        var created = await SendAsync(HttpMethod.Post, $"{_orgId}/payment-gateways", Stripe());

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(Token, created.Json.GetProperty("token").GetString());
        Assert.Equal("stripe", created.Json.GetProperty("gatewayType").GetString());
        Assert.Equal("Card payments", created.Json.GetProperty("description").GetString());
        var sent = Assert.Single(_vault.LogEntries).RequestMessage;
        Assert.Equal("POST", sent.Method);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{EnvironmentKey}:{AccessSecret}")), sent.Headers!["Authorization"][0]);
        var gateway = JsonDocument.Parse(sent.Body!).RootElement.GetProperty("gateway");
        Assert.Equal("stripe", gateway.GetProperty("gateway_type").GetString());
        Assert.Equal(_secret, gateway.GetProperty("login").GetString());

        var row = Assert.Single(await StoredGatewaysAsync());
        Assert.Equal(Token, row.GetString("Token"));
        Assert.Equal("stripe", row.GetString("GatewayType"));
        Assert.Equal("Card payments", row.GetString("Description"));
        Assert.DoesNotContain(row, p => p.Value?.ToString()?.Contains(_secret, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(row, p => p.Key.Contains("login", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("credential", StringComparison.OrdinalIgnoreCase));
        var id = created.Json.GetProperty("id").GetString()!;
        var listed = await SendAsync(HttpMethod.Get, $"{_orgId}/payment-gateways");
        var got = await SendAsync(HttpMethod.Get, $"{_orgId}/payment-gateways/{id}");
        Assert.Equal(id, Assert.Single(listed.Json.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, got.Status);
        foreach (var answer in new[] { created, listed, got })
        {
            Assert.DoesNotContain(_secret, answer.Body);
        }
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(_secret, StringComparison.Ordinal) || l.Contains(AccessSecret, StringComparison.Ordinal));
        Assert.Contains(EventTypes.PaymentGatewayAdded, await EventTypesAsync());
        Assert.DoesNotContain(await OutboxReader.EventsAsync(new OrgApp(azurite), _orgId), e => e.Data.ToJsonString().Contains(_secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemovingRedactsAtTheVaultThenDeletesTheRowWithItsEvent()
    {
        await EnablePaymentsAsync(_orgId);
        VaultCreates();
        VaultRedacts();
        var created = await SendAsync(HttpMethod.Post, $"{_orgId}/payment-gateways", Stripe());
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        var id = created.Json.GetProperty("id").GetString();

        var removed = await SendAsync(HttpMethod.Delete, $"{_orgId}/payment-gateways/{id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Contains(_vault.LogEntries, e => e.RequestMessage.Method == "PUT" && e.RequestMessage.Path == $"/v1/gateways/{Token}/redact.json");
        Assert.Empty(await StoredGatewaysAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"{_orgId}/payment-gateways/{id}")).Status);
        Assert.Contains(EventTypes.PaymentGatewayRemoved, await EventTypesAsync());
    }

    [Fact]
    public async Task AVaultThatCantRedactKeepsTheGatewayAndAnswers502()
    {
        await EnablePaymentsAsync(_orgId);
        VaultCreates();
        _vault.Given(Request.Create().WithPath($"/v1/gateways/{Token}/redact.json").UsingPut()).RespondWith(Response.Create().WithStatusCode(503));
        var id = (await SendAsync(HttpMethod.Post, $"{_orgId}/payment-gateways", Stripe())).Json.GetProperty("id").GetString();

        var removed = await SendAsync(HttpMethod.Delete, $"{_orgId}/payment-gateways/{id}");

        Assert.Equal(HttpStatusCode.BadGateway, removed.Status);
        Assert.Equal("application/problem+json", removed.MediaType);
        Assert.Single(await StoredGatewaysAsync());
    }

    [Fact]
    public async Task AVaultThatFailsLeavesNothingStoredAndAnswers502()
    {
        await EnablePaymentsAsync(_orgId);
        _vault.Given(Request.Create().WithPath("/v1/gateways.json").UsingPost()).RespondWith(Response.Create().WithStatusCode(500).WithBody("boom"));

        var answer = await SendAsync(HttpMethod.Post, $"{_orgId}/payment-gateways", Stripe());

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.DoesNotContain(_secret, answer.Body);
        Assert.Empty(await StoredGatewaysAsync());
        Assert.DoesNotContain(EventTypes.PaymentGatewayAdded, await EventTypesAsync());
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(_secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AVaultSlowerThanTheTimeoutLeavesNothingStoredAndAnswers502()
    {
        await EnablePaymentsAsync(_orgId);
        _vault.Given(Request.Create().WithPath("/v1/gateways.json").UsingPost()).RespondWith(Response.Create().WithStatusCode(201)
            .WithDelay(TimeSpan.FromSeconds(10)).WithBody($$"""{ "gateway": { "token": "{{Token}}", "state": "retained" } }"""));

        var answer = await SendAsync(HttpMethod.Post, $"{_orgId}/payment-gateways", Stripe());

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Empty(await StoredGatewaysAsync());
        Assert.DoesNotContain(EventTypes.PaymentGatewayAdded, await EventTypesAsync());
    }

    [Fact]
    public async Task AVaultThatRefusesTheCredentialsIsA400OnCredentials()
    {
        await EnablePaymentsAsync(_orgId);
        _vault.Given(Request.Create().WithPath("/v1/gateways.json").UsingPost()).RespondWith(Response.Create().WithStatusCode(422)
            .WithBody("""{ "errors": [ { "attribute": "login", "key": "errors.blank", "message": "Login can't be blank" } ] }"""));

        var answer = await SendAsync(HttpMethod.Post, $"{_orgId}/payment-gateways", Stripe());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["credentials"], answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Empty(await StoredGatewaysAsync());
    }

    [Fact]
    public async Task WithoutPaymentsEnabledItIsA409AndTheVaultIsNotCalled()
    {
        VaultCreates();

        var answer = await SendAsync(HttpMethod.Post, $"{_orgId}/payment-gateways", Stripe());

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Empty(_vault.LogEntries);
        Assert.Empty(await StoredGatewaysAsync());
    }

    [Fact]
    public async Task AChildsGatewaysAreVisibleFromTheParentButTheParentsAreA404FromTheChild()
    {
        var orgs = new OrgApp(azurite);
        var root = (await orgs.Get<OrgFunctions.Orgs.OrgStore>().GetAsync(
            OrgTreeBuilder.Locate(Domain.Orgs.OrgPath.Root(Domain.Orgs.OrgId.Parse(_orgId))), default))!;
        var child = await orgs.Trees.ChildAsync(root);
        var childKey = await orgs.Trees.KeyAsync(child);
        await EnablePaymentsAsync(_orgId);
        await EnablePaymentsAsync(child.Org.Id.Value);
        VaultCreates();
        var parents = (await SendAsync(HttpMethod.Post, $"{_orgId}/payment-gateways", Stripe())).Json.GetProperty("id").GetString();
        var childs = await SendAsync(HttpMethod.Post, $"{child.Org.Id}/payment-gateways", Stripe("Child's"), childKey);
        Assert.Equal(HttpStatusCode.Created, childs.Status);

        var fromParent = await SendAsync(HttpMethod.Get, $"{child.Org.Id}/payment-gateways/{childs.Json.GetProperty("id").GetString()}");
        var listUp = await SendAsync(HttpMethod.Get, $"{_orgId}/payment-gateways", key: childKey);
        var getUp = await SendAsync(HttpMethod.Get, $"{_orgId}/payment-gateways/{parents}", key: childKey);
        var deleteUp = await SendAsync(HttpMethod.Delete, $"{_orgId}/payment-gateways/{parents}", key: childKey);
        var elsewhere = await SendAsync(HttpMethod.Get, $"{child.Org.Id}/payment-gateways/{parents}", key: childKey);

        Assert.Equal(HttpStatusCode.OK, fromParent.Status);
        Assert.Equal(HttpStatusCode.NotFound, listUp.Status);
        Assert.Equal(HttpStatusCode.NotFound, getUp.Status);
        Assert.Equal(HttpStatusCode.NotFound, deleteUp.Status);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.Status);
        Assert.Single(await StoredGatewaysAsync());
        Assert.Single(await StoredGatewaysAsync(child.Org.Id.Value));
    }

    [Fact]
    public async Task BadInputIsA400NamingEachFieldBeforeTheOrgIsLookedUpAndTheVaultIsNeverCalled()
    {
        var cases = new (object Body, string[] Fields)[]
        {
            (new { description = "x", credentials = new { login = "a" } }, ["gatewayType"]),
            (new { gatewayType = "Stripe!", credentials = new { login = "a" } }, ["gatewayType"]),
            (new { gatewayType = "stripe" }, ["credentials"]),
            (new { gatewayType = "stripe", credentials = "login=a" }, ["credentials"]),
            (new { gatewayType = "stripe", credentials = new { } }, ["credentials"]),
            (new { gatewayType = "stripe", credentials = new { login = 42, password = " ", gateway_type = "x" } },
                ["credentials.gateway_type", "credentials.login", "credentials.password"]),
            (new { gatewayType = "stripe", description = "bell\u0007", credentials = new { login = "a" }, extra = 1 }, ["description", "extra"]),
        };
        await EnablePaymentsAsync(_orgId);
        foreach (var (body, fields) in cases)
        {
            foreach (var orgId in new[] { _orgId, Domain.Orgs.OrgId.New().Value })
            {
                var answer = await SendAsync(HttpMethod.Post, $"{orgId}/payment-gateways", body);

                Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.ToString());
                Assert.Equal("application/problem+json", answer.MediaType);
                Assert.Equal(fields, answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
            }
        }
        Assert.Empty(_vault.LogEntries);
    }

    [Fact]
    public async Task EveryAnswerMatchesTheOpenApiDocument()
    {
        const string list = "/orgs/{orgId}/payment-gateways", one = "/orgs/{orgId}/payment-gateways/{id}";
        async Task<JsonElement?> Conforms(HttpMethod method, string path, string documented, string operation, object? body = null)
        {
            using var response = await _app.Client.SendAsync(AppHost.Request(method, $"api/orgs/{path}", _key, body));
            return await OpenApi.DocumentedResponses.AssertConformsAsync(response, documented, operation);
        }

        await Conforms(HttpMethod.Post, $"{_orgId}/payment-gateways", list, "post", Stripe());
        await EnablePaymentsAsync(_orgId);
        _vault.Given(Request.Create().WithPath("/v1/gateways.json").UsingPost()).AtPriority(10).RespondWith(Response.Create().WithStatusCode(500));
        await Conforms(HttpMethod.Post, $"{_orgId}/payment-gateways", list, "post", Stripe());
        VaultCreates();
        VaultRedacts();
        var id = (await Conforms(HttpMethod.Post, $"{_orgId}/payment-gateways", list, "post", Stripe()))!.Value.GetProperty("id").GetString();
        await Conforms(HttpMethod.Get, $"{_orgId}/payment-gateways", list, "get");
        await Conforms(HttpMethod.Get, $"{_orgId}/payment-gateways/{id}", one, "get");
        await Conforms(HttpMethod.Delete, $"{_orgId}/payment-gateways/{id}", one, "delete");
        await Conforms(HttpMethod.Get, $"{_orgId}/payment-gateways/{id}", one, "get");
    }
}
