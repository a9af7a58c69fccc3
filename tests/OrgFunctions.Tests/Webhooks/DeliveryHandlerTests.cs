using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Moq;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Storage;
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
    public async Task AFirstAttemptReadsNothingAndMakesOneTableWriteOnceTheSubscriptionIsCached()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var requests = new StorageRequestLog();
        var app = new WebhookApp(azurite, requests, Settings);
        var deliveries = await DeliveriesToAsync(app, receiver.Url("cheap", _ => 200), 2);
        var handler = app.Get<DeliveryHandler>();
        await handler.HandleAsync(Received(deliveries[0], 1), new Mock<ServiceBusMessageActions>().Object, default);

        requests.Reset();
        await handler.HandleAsync(Received(deliveries[1], 1), new Mock<ServiceBusMessageActions>().Object, default);

        var request = Assert.Single(requests.Requests);
        Assert.Equal((StorageRequestKind.Write, TableNames.WebhookDeliveries), (request.Kind, request.Table));
        var stored = await app.Get<DeliveryLog>().GetAsync(deliveries[1].SubscriptionId, deliveries[1].DeliveryId, default);
        Assert.Equal((DeliveryStatus.Succeeded, 1, 1), (stored!.Status, stored.Attempts.Count, stored.RoundAttempts));
        Assert.Equal(deliveries[1].Payload, stored.Payload);
        Assert.Equal(2, receiver.At("cheap").Count);
    }

    [Fact]
    public async Task AMessageServiceBusDeliversAgainAfterItsAttemptWasRecordedIsCompletedWithoutSendingAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("once", _ => 200));
        var actions = new Mock<ServiceBusMessageActions>();

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), actions.Object, default);
        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1, deliveryCount: 2), actions.Object, default);

        Assert.Single(receiver.At("once"));
        actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        var stored = await app.Get<DeliveryLog>().GetAsync(delivery.SubscriptionId, delivery.DeliveryId, default);
        Assert.Equal(DeliveryStatus.Succeeded, stored!.Status);
        Assert.Single(stored.Attempts);
    }

    [Fact]
    public async Task ASecondCopyOfAFirstMessageMaySendAgainWithTheSameIdButNeverRewritesTheLog()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("twice", attempt => attempt == 1 ? 500 : 200));
        var actions = new Mock<ServiceBusMessageActions>();

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), actions.Object, default);
        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), actions.Object, default); // no duplicate detection

        var received = receiver.At("twice");
        Assert.InRange(received.Count, 1, 2);
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.Single(app.Scheduled); // only the copy that recorded its attempt schedules the next one
        actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        var stored = await app.Get<DeliveryLog>().GetAsync(delivery.SubscriptionId, delivery.DeliveryId, default);
        Assert.Equal(DeliveryStatus.Retrying, stored!.Status);
        Assert.Equal(500, Assert.Single(stored.Attempts).StatusCode);
    }

    [Fact]
    public async Task AFailedAttemptRecordedButNotSettledIsRescheduledOnItsRedeliveryWithoutSendingAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("crashy", _ => 500));
        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), new Mock<ServiceBusMessageActions>().Object, default);
        app.Scheduled.Clear(); // as if the process died after recording the attempt, before its retry was scheduled

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1, deliveryCount: 2), new Mock<ServiceBusMessageActions>().Object, default);

        Assert.Single(receiver.At("crashy"));
        var (next, _) = Assert.Single(app.Scheduled);
        Assert.Equal(delivery.DeliveryId + "-2", next.MessageId);
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
        await ChangeSubscriptionAsync(app, delivery, s => s.FailingSince = DateTimeOffset.UtcNow.AddDays(-5).AddMinutes(-1));

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), new Mock<ServiceBusMessageActions>().Object, default);

        var after = (await store.GetAsync(delivery.TreeId, Domain.Orgs.OrgId.Parse(delivery.SubscriptionOrgId), delivery.SubscriptionId, default))!;
        Assert.False(after.Subscription.Enabled);
        Assert.Equal("failing-5-days", after.Subscription.DisabledReason);
        var events = await OutboxReader.EventsAsync(app.Orgs, delivery.TreeId);
        Assert.Contains(events, e => e.Type == WebhookEventCatalog.WebhookDisabled && e.Data["subscriptionId"]!.GetValue<string>() == delivery.SubscriptionId);
    }

    [Fact]
    public async Task ARetryOfAnEarlierRoundSendsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("quiet", _ => 200));
        await app.Get<DeliveryLog>().UpdateAsync(delivery.SubscriptionId, delivery.DeliveryId, d => { d.Round = 2; return true; }, default);
        var actions = new Mock<ServiceBusMessageActions>();

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 2, round: 1), actions.Object, default);

        Assert.Empty(receiver.At("quiet"));
        actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AFirstAttemptOvertakenByARedeliveryLeavesTheNewRoundsLogAsItIs()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("overtaken", _ => 500));
        var redelivered = await app.Get<DeliveryLog>().UpdateAsync(delivery.SubscriptionId, delivery.DeliveryId, d =>
        {
            d.Round = 2;
            return true;
        }, default);
        var actions = new Mock<ServiceBusMessageActions>();

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1, round: 1), actions.Object, default);

        Assert.Empty(app.Scheduled);
        actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        var stored = await app.Get<DeliveryLog>().GetAsync(delivery.SubscriptionId, delivery.DeliveryId, default);
        Assert.Equal((2, DeliveryStatus.Pending, 0), (stored!.Round, stored.Status, stored.Attempts.Count));
        Assert.Equal(redelivered!.ETag, stored.ETag);
    }

    [Fact]
    public async Task AMessageOfADisabledSubscriptionSendsNothingAndCancelsTheDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, delivery) = await DeliveryToAsync(receiver.Url("off", _ => 200));
        await ChangeSubscriptionAsync(app, delivery, s => s.Disable("test"));

        await app.Get<DeliveryHandler>().HandleAsync(Received(delivery, 1), new Mock<ServiceBusMessageActions>().Object, default);

        Assert.Empty(receiver.At("off"));
        var stored = await app.Get<DeliveryLog>().GetAsync(delivery.SubscriptionId, delivery.DeliveryId, default);
        Assert.Equal(DeliveryStatus.Cancelled, stored!.Status);
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
        return (app, Assert.Single(await DeliveriesToAsync(app, url, 1)));
    }

    /// <summary><paramref name="count"/> deliveries to a new subscription, as the fan-out left them (rows and first messages).</summary>
    private static async Task<List<DeliveryRecord>> DeliveriesToAsync(WebhookApp app, string url, int count)
    {
        var (root, _) = await app.Orgs.Trees.RootAsync();
        await FanOutServiceTests.SubscribeAsync(app, root, ["org.updated"], url: url);
        await FanOutServiceTests.DrainAsync(app, root);
        await FanOutServiceTests.AddEventsAsync(app, root, root.Org.Path, count);
        await app.Get<FanOutService>().FanOutTreeAsync(root.Org.Path.RootId.Value, default);
        var deliveries = new List<DeliveryRecord>();
        foreach (var sent in app.Sent)
        {
            var message = FanOutServiceTests.DeliveryMessageOf(sent);
            deliveries.Add((await app.Get<DeliveryLog>().GetAsync(message.SubscriptionId, message.DeliveryId, default))!);
        }
        Assert.Equal(count, deliveries.Count);
        return deliveries;
    }

    private static async Task ChangeSubscriptionAsync(WebhookApp app, DeliveryRecord delivery, Action<WebhookSubscription> change)
    {
        var store = app.Get<SubscriptionStore>();
        var record = (await store.GetAsync(delivery.TreeId, Domain.Orgs.OrgId.Parse(delivery.SubscriptionOrgId), delivery.SubscriptionId, default))!;
        change(record.Subscription);
        Assert.NotNull(await store.TryReplaceAsync(record.Subscription, record.ETag, default));
    }

    private static ServiceBusReceivedMessage Received(DeliveryRecord delivery, int attempt, int round = 1, int deliveryCount = 1)
    {
        var sent = DeliveryMessage.For(delivery).ToServiceBusMessage(attempt, round);
        return ServiceBusModelFactory.ServiceBusReceivedMessage(body: sent.Body, messageId: sent.MessageId,
            properties: new Dictionary<string, object>(sent.ApplicationProperties), deliveryCount: deliveryCount);
    }
}
