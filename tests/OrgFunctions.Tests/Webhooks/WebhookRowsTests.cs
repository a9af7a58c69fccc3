using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Secrets;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Webhooks;

/// <summary>Subscription and delivery rows store exactly the columns their string-keyed predecessors stored.</summary>
public sealed class WebhookRowsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ASubscriptionRowStoresTheColumnsItAlwaysStoredAndReadsBack()
    {
        var table = StoredColumns.Table(azurite, TableNames.Orgs);
        var secrets = new SecretCodec(new EphemeralDataProtectionProvider());
        var s = new WebhookSubscription
        {
            Id = WebhookSubscription.NewId(), OrgPath = OrgPath.Root(OrgId.New()), Url = EndpointUrl.Parse("https://example.com/hook", allowHttp: false),
            Selection = new EventSelection(["org.created"], IncludeDescendants: false), Secret = WebhookSecret.Generate(), CreatedAt = At,
        };
        var typed = SubscriptionRow.Create(s, At, secrets);
        var legacy = new TableEntity(typed.PartitionKey, typed.RowKey)
        {
            ["Kind"] = "webhook", ["SubscriptionId"] = s.Id, ["OrgId"] = s.OrgPath.OrgId.Value, ["Path"] = s.OrgPath.Value, ["Url"] = s.Url.Value,
            ["Events"] = JsonSerializer.Serialize(s.Selection.Types), ["IncludeDescendants"] = false, ["Description"] = null, ["Enabled"] = true,
            ["DisabledReason"] = null, ["Secret"] = typed.Secret, ["PreviousSecret"] = null, ["PreviousSecretExpiresAt"] = null,
            ["FailingSince"] = null, ["CreatedAt"] = At, ["UpdatedAt"] = At,
        };

        await StoredColumns.AssertSameAsync(table, typed, legacy);
        var read = SubscriptionRow.Read(await StoredColumns.ReadLegacyAsync<SubscriptionEntity>(table, legacy), secrets).Subscription;
        Assert.Equal((s.Id, s.OrgPath, s.Url.Value, s.Secret.Text, s.Selection.IncludeDescendants), (read.Id, read.OrgPath, read.Url.Value, read.Secret.Text, read.Selection.IncludeDescendants));
    }

    [Fact]
    public async Task ADeliveryRowStoresTheColumnsItAlwaysStoredAndReadsBack()
    {
        var table = StoredColumns.Table(azurite, TableNames.WebhookDeliveries);
        var delivery = new DeliveryRecord
        {
            DeliveryId = "dlv_" + Guid.NewGuid().ToString("N"), SubscriptionId = "wh_1", TreeId = "t", SubscriptionOrgId = "o", EventId = "evt_1",
            EventType = "org.created", EventOrgId = "o", OccurredAt = At, Payload = "{}", CreatedAt = At, Round = 2, Enqueued = true,
            Attempts = [new AttemptResult(1, At, TimeSpan.FromMilliseconds(12.5), 500, "boom")], NextAttemptAt = At.AddMinutes(1),
            RoundAttempts = 1,
        };
        var typed = delivery.ToEntity(At.AddSeconds(1));
        var legacy = new TableEntity(delivery.SubscriptionId, delivery.DeliveryId)
        {
            ["TreeId"] = "t", ["SubscriptionOrgId"] = "o", ["EventId"] = "evt_1", ["EventType"] = "org.created", ["EventOrgId"] = "o",
            ["OccurredAt"] = At, ["Payload"] = "{}", ["Status"] = delivery.Status.ToName(), ["Round"] = 2, ["Enqueued"] = true,
            ["AttemptCount"] = 1, ["RoundAttempts"] = 1, ["Attempts"] = typed.Attempts, ["NextAttemptAt"] = At.AddMinutes(1), ["CreatedAt"] = At, ["UpdatedAt"] = At.AddSeconds(1),
        };

        await StoredColumns.AssertSameAsync(table, typed, legacy);
        var read = DeliveryRecord.Read(await StoredColumns.ReadLegacyAsync<DeliveryEntity>(table, legacy));
        Assert.Equal((delivery.EventId, delivery.Round, delivery.Enqueued, delivery.NextAttemptAt, delivery.Status, delivery.RoundAttempts),
            (read.EventId, read.Round, read.Enqueued, read.NextAttemptAt, read.Status, read.RoundAttempts));
        Assert.Equal(500, Assert.Single(read.Attempts).StatusCode);
    }
}
