using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Moq;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Webhooks;

// In the end-to-end collection: hosts of other classes would otherwise fan out these trees through the real queue.
/// <summary>The delivery handler with a mocked <see cref="ServiceBusMessageActions"/>, a Moq sender and a real receiver.</summary>
[Collection(Functions.WebhookEndToEndCollection.Name)]
public class DeliveryHandlerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly (string, string)[] Settings =
    [
        ("Webhooks:AllowHttp", "true"), ("Webhooks:AllowLoopback", "true"), ("Webhooks:RetrySchedule", "0, 10s, 1m"),
    ];

    [Fact]
    public async Task ADeliveryAlreadySucceededIsCompletedWithoutSendingAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("once", _ => 200));
        var actions = new Mock<ServiceBusMessageActions>();

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), actions.Object, default);
        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), actions.Object, default);

        Assert.Single(receiver.At("once"));
        actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        var stored = await app.Get<DeliveryLog>().GetAsync(delivery.SubscriptionId, delivery.DeliveryId, default);
        Assert.Equal(DeliveryStatus.Succeeded, stored!.Status);
        Assert.Single(stored.Attempts);
    }

    [Fact]
    public async Task AFailureSchedulesTheNextAttemptAsANewMessageThenCompletesTheCurrentOne()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("busy", (_, context) =>
        {
            context.Response.Headers.RetryAfter = "120";
            return Task.FromResult(429);
        }));
        var actions = new Mock<ServiceBusMessageActions>();
        var before = DateTimeOffset.UtcNow;

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), actions.Object, default);

        var (next, at) = Assert.Single(app.Scheduled);
        Assert.Equal(2, next.ApplicationProperties[DeliveryMessage.AttemptProperty]);
        Assert.Equal(delivery.DeliveryId + "-2", next.MessageId);
        Assert.True(at >= before.AddSeconds(119), "Retry-After on a 429 is honoured over the 10 s of the schedule");
        actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        var stored = await app.Get<DeliveryLog>().GetAsync(delivery.SubscriptionId, delivery.DeliveryId, default);
        Assert.Equal(DeliveryStatus.Retrying, stored!.Status);
        Assert.Equal(429, stored.Attempts.Single().StatusCode);
    }

    [Fact]
    public async Task TheLastAttemptDeadLettersWithTheReasonAndRecordsTheDeliveryFailed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("broken", _ => 500));
        var actions = new Mock<ServiceBusMessageActions>();

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 3), actions.Object, default);

        actions.Verify(a => a.DeadLetterMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<Dictionary<string, object>>(),
            DeliveryDecision.AttemptsExhausted, It.Is<string>(d => d.Contains("HTTP 500")), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(app.Scheduled);
        var stored = await app.Get<DeliveryLog>().GetAsync(delivery.SubscriptionId, delivery.DeliveryId, default);
        Assert.Equal(DeliveryStatus.Failed, stored!.Status);
    }

    [Fact]
    public async Task ASubscriptionFailingForFiveDaysIsDisabledWithAWebhookDisabledEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("dead", _ => 500));
        var store = app.Get<SubscriptionStore>();
        var record = (await store.GetAsync(delivery.TreeId, Domain.Orgs.OrgId.Parse(delivery.SubscriptionOrgId), delivery.SubscriptionId, default))!;
        record.Subscription.FailingSince = DateTimeOffset.UtcNow.AddDays(-5).AddMinutes(-1);
        await store.TryReplaceAsync(record.Subscription, record.ETag, default);

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), new Mock<ServiceBusMessageActions>().Object, default);

        var after = (await store.GetAsync(delivery.TreeId, Domain.Orgs.OrgId.Parse(delivery.SubscriptionOrgId), delivery.SubscriptionId, default))!;
        Assert.False(after.Subscription.Enabled);
        Assert.Equal("failing-5-days", after.Subscription.DisabledReason);
        var events = await OutboxReader.EventsAsync(app.Orgs, delivery.TreeId);
        Assert.Contains(events, e => e.Type == WebhookEventCatalog.WebhookDisabled && e.Data["subscriptionId"]!.GetValue<string>() == delivery.SubscriptionId);
    }

    [Fact]
    public async Task AMessageOfAnEarlierRoundOrADisabledSubscriptionSendsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("quiet", _ => 200));
        await app.Get<DeliveryLog>().UpdateAsync(delivery.SubscriptionId, delivery.DeliveryId, d => { d.Round = 2; return true; }, default);
        var actions = new Mock<ServiceBusMessageActions>();

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1, round: 1), actions.Object, default);

        Assert.Empty(receiver.At("quiet"));
        actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ADeliveryWhoseSubscriptionWasDeletedIsCancelledWithoutSending()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("deleted", _ => 200));
        var store = app.Get<SubscriptionStore>();
        var record = (await store.GetAsync(delivery.TreeId, Domain.Orgs.OrgId.Parse(delivery.SubscriptionOrgId), delivery.SubscriptionId, default))!;
        Assert.True(await store.TryDeleteAsync(record.Subscription, record.ETag, default));
        var actions = new Mock<ServiceBusMessageActions>();

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), actions.Object, default);

        Assert.Empty(receiver.At("deleted"));
        actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        var stored = await app.Get<DeliveryLog>().GetAsync(delivery.SubscriptionId, delivery.DeliveryId, default);
        Assert.Equal(DeliveryStatus.Cancelled, stored!.Status);
    }

    [Fact]
    public async Task AfterARotationADeliveryReadFromTheProtectedRowIsSignedWithBothSecrets()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("rotated", _ => 200));
        var store = app.Get<SubscriptionStore>();
        var orgId = Domain.Orgs.OrgId.Parse(delivery.SubscriptionOrgId);
        var record = (await store.GetAsync(delivery.TreeId, orgId, delivery.SubscriptionId, default))!;
        var old = record.Subscription.Secret;
        var fresh = record.Subscription.RotateSecret(DateTimeOffset.UtcNow);
        Assert.NotNull(await store.TryReplaceAsync(record.Subscription, record.ETag, default));

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), new Mock<ServiceBusMessageActions>().Object, default);

        var received = Assert.Single(receiver.At("rotated"));
        Assert.Equal(2, received.Signature.Split(' ').Length);
        Assert.True(StandardWebhooksVerifier.Verifies(fresh, received));
        Assert.True(StandardWebhooksVerifier.Verifies(old, received));
    }

    private async Task<(WebhookApp App, DeliveryRecord Delivery)> DeliveryToAsync(string url)
    {
        var app = new WebhookApp(azurite, Settings);
        var (root, _) = await app.Orgs.Trees.RootAsync();
        await FanOutServiceTests.SubscribeAsync(app, root, ["org.updated"], url: url);
        await FanOutServiceTests.DrainAsync(app, root);
        await FanOutServiceTests.AddEventsAsync(app, root, root.Org.Path, 1);
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);
        var message = FanOutServiceTests.DeliveryMessageOf(Assert.Single(app.Sent));
        var delivery = await app.Get<DeliveryLog>().GetAsync(message.SubscriptionId, message.DeliveryId, default);
        return (app, delivery!);
    }

    private static ServiceBusReceivedMessage Received(DeliveryRecord delivery, int attempt, int round = 1)
    {
        var sent = DeliveryMessage.For(delivery).ToServiceBusMessage(attempt, round);
        return ServiceBusModelFactory.ServiceBusReceivedMessage(body: sent.Body, messageId: sent.MessageId,
            properties: new Dictionary<string, object>(sent.ApplicationProperties), deliveryCount: 1);
    }
}
