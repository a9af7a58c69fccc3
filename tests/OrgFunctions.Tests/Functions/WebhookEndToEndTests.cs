using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

/// <summary>
/// Webhook tests that run the whole path: an org change → outbox → fan-out timer → Service Bus (local) → delivery
/// function → a real receiver on 127.0.0.1. They share the delivery queue, so they run alone (not in parallel with
/// other classes whose hosts would also receive from it).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebhookEndToEndCollection
{
    public const string Name = "webhook end-to-end";
}

[Collection(WebhookEndToEndCollection.Name)]
public class WebhookEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    internal static readonly string[] FastHost =
    [
        "--Webhooks:FanOutSchedule=*/1 * * * * *",
        "--Webhooks:RetrySchedule=0, 1s, 1s",
        "--Webhooks:AllowHttp=true",
        "--Webhooks:AllowLoopback=true",
        "--LocalHost:ServiceBus:MaxPollingInterval=00:00:00.200",
    ];

    [Fact]
    public async Task AReceiverFailingTwiceGetsTheSameWebhookIdThreeTimesAndTheLogShowsThreeAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await AppHost.StartAsync(azurite, null, FastHost);
        var (orgId, key) = await app.SignUpAsync();
        var url = receiver.Url("flaky", attempt => attempt <= 2 ? 500 : 200);
        var (subscriptionId, secret) = await SubscribeAsync(app, orgId, key, url, ["org.updated"]);

        await UpdateOrgAsync(app, orgId, key, "first change");

        await Eventually.TrueAsync(async () => await DeliveryAsync(app, orgId, key, subscriptionId) is { } d
            && d.GetProperty("status").GetString() == "succeeded", "the delivery succeeds");
        var received = receiver.At("flaky");
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Id).Distinct());
        var delivery = (await DeliveryAsync(app, orgId, key, subscriptionId))!.Value;
        Assert.Equal(received[0].Id, delivery.GetProperty("id").GetString());
        Assert.Equal(3, delivery.GetProperty("attemptCount").GetInt32());
        Assert.Equal([500, 500, 200], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal("org.updated", JsonDocument.Parse(received[2].Body).RootElement.GetProperty("type").GetString());

        var (verified, failures) = await NodeVerifier.VerifyAsync(received, secret);
        Assert.True(verified == 3, failures);
    }

    [Fact]
    public async Task AReceiverThatAlwaysFailsEndsDeadLetteredAfterTheConfiguredAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await AppHost.StartAsync(azurite, null, FastHost);
        var (orgId, key) = await app.SignUpAsync();
        var url = receiver.Url("down", _ => 503);
        var (subscriptionId, _) = await SubscribeAsync(app, orgId, key, url, ["org.updated"]);

        await UpdateOrgAsync(app, orgId, key, "doomed");

        await Eventually.TrueAsync(async () => await DeliveryAsync(app, orgId, key, subscriptionId) is { } d
            && d.GetProperty("status").GetString() == "failed", "the delivery fails");
        var delivery = (await DeliveryAsync(app, orgId, key, subscriptionId))!.Value;
        Assert.Equal(3, delivery.GetProperty("attemptCount").GetInt32());
        Assert.Equal(3, receiver.At("down").Count);

        var deliveryId = delivery.GetProperty("id").GetString()!;
        var deadLetters = new QueueClient(azurite.ConnectionString, "webhook-deliveries-deadletter");
        await Eventually.TrueAsync(async () =>
        {
            var peeked = await deadLetters.PeekMessagesAsync(32);
            return peeked.Value.Any(m => m.Body.ToString().Contains(deliveryId, StringComparison.Ordinal)
                && m.Body.ToString().Contains(DeliveryDecision.AttemptsExhausted, StringComparison.Ordinal));
        }, "the last message is dead-lettered with the reason", 30);

        var failed = await GetJsonAsync(app, $"api/orgs/{orgId}/webhooks/{subscriptionId}/deliveries?status=failed", key);
        Assert.Single(failed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A410DisablesTheSubscriptionAndTheOrgsOtherSubscriptionsHearOfIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await AppHost.StartAsync(azurite, null, FastHost);
        var (orgId, key) = await app.SignUpAsync();
        var (goneId, _) = await SubscribeAsync(app, orgId, key, receiver.Url("gone", _ => 410), ["org.updated"]);
        await SubscribeAsync(app, orgId, key, receiver.Url("watcher", _ => 200), [WebhookEventCatalog.WebhookDisabled]);

        await UpdateOrgAsync(app, orgId, key, "goodbye");

        await Eventually.TrueAsync(() => receiver.At("watcher").Count > 0, "the other subscription gets webhook.disabled");
        var notice = JsonDocument.Parse(receiver.At("watcher")[0].Body).RootElement;
        Assert.Equal(WebhookEventCatalog.WebhookDisabled, notice.GetProperty("type").GetString());
        Assert.Equal(goneId, notice.GetProperty("data").GetProperty("subscriptionId").GetString());
        var gone = await GetJsonAsync(app, $"api/orgs/{orgId}/webhooks/{goneId}", key);
        Assert.False(gone.GetProperty("enabled").GetBoolean());
        Assert.Single(receiver.At("gone"));
    }

    [Fact]
    public async Task RedeliverySendsAFinishedDeliveryAgainWithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await AppHost.StartAsync(azurite, null, FastHost);
        var (orgId, key) = await app.SignUpAsync();
        var (subscriptionId, _) = await SubscribeAsync(app, orgId, key, receiver.Url("again", _ => 200), ["*"]);

        var test = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/webhooks/{subscriptionId}/test", key));
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        var deliveryId = (await test.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.TrueAsync(() => receiver.At("again").Any(r => r.Id == deliveryId), "the test event arrives");

        var redeliver = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post,
            $"api/orgs/{orgId}/webhooks/{subscriptionId}/deliveries/{deliveryId}/redeliver", key));

        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await Eventually.TrueAsync(() => receiver.At("again").Count(r => r.Id == deliveryId) == 2, "the redelivery arrives");
        var bodies = receiver.At("again").Where(r => r.Id == deliveryId).Select(r => r.Body).Distinct().ToList();
        Assert.Single(bodies);
        Assert.Equal(WebhookEventCatalog.WebhookTest, JsonDocument.Parse(bodies[0]).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AfterARotationBothSecretsSignWhileTheRowHoldsOnlyProtectedPayloadsAndNoLogShowsEitherOrTheUrl()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var logs = new LogCapture();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => logs.AddTo(services), FastHost);
        var (orgId, key) = await app.SignUpAsync();
        // A receiver URL that is itself a credential (a token in its path, as some chat services issue them).
        var path = "rotated-" + Guid.NewGuid().ToString("N");
        var (subscriptionId, first) = await SubscribeAsync(app, orgId, key, receiver.Url(path, _ => 200), ["org.updated"]);
        var rotate = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/webhooks/{subscriptionId}/rotate-secret", key));
        var second = (await rotate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        await UpdateOrgAsync(app, orgId, key, "signed twice");

        await Eventually.TrueAsync(() => receiver.At(path).Count == 1, "the delivery arrives");
        var received = receiver.At(path)[0];
        Assert.True(StandardWebhooksVerifier.Verifies(WebhookSecret.Parse(second), received));
        Assert.True(StandardWebhooksVerifier.Verifies(WebhookSecret.Parse(first), received));
        var row = (await new Azure.Data.Tables.TableClient(azurite.ConnectionString, OrgFunctions.Storage.TableNames.Orgs)
            .GetEntityAsync<Azure.Data.Tables.TableEntity>(orgId, $"wh:{orgId}:{subscriptionId}")).Value;
        Assert.StartsWith(OrgFunctions.Secrets.SecretCodec.Prefix, row.GetString("Secret"));
        Assert.StartsWith(OrgFunctions.Secrets.SecretCodec.Prefix, row.GetString("PreviousSecret"));
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(path, StringComparison.Ordinal));
        foreach (var secret in new[] { first, second })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret["whsec_".Length..], StringComparison.Ordinal));
        }
    }

    internal static async Task<(string Id, string Secret)> SubscribeAsync(AppHost app, string orgId, string key, string url, string[] events,
        bool includeDescendants = true)
    {
        var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/webhooks", key,
            new { url, events, includeDescendants }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("subscription").GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    internal static async Task UpdateOrgAsync(AppHost app, string orgId, string key, string description)
    {
        var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}", key, new { description }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement?> DeliveryAsync(AppHost app, string orgId, string key, string subscriptionId)
    {
        var page = await GetJsonAsync(app, $"api/orgs/{orgId}/webhooks/{subscriptionId}/deliveries", key);
        return page.GetProperty("items").EnumerateArray().Select(e => (JsonElement?)e).FirstOrDefault();
    }

    internal static async Task<JsonElement> GetJsonAsync(AppHost app, string path, string key)
    {
        var response = await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, path, key));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
