using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Moq;
using OrgFunctions.LocalHost.Tests.ServiceBus.Samples;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

/// <summary>The offline surface supports unit tests written exactly as against the real packages.</summary>
public sealed class ServiceBusMessageActionsMockTests
{
    [Fact]
    public async Task JsonMessageIsProcessedAndCompleted()
    {
        var actions = new Mock<ServiceBusMessageActions>();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"), messageId: "m-1", contentType: "application/json", deliveryCount: 1);
        var function = new DeliveryRequestFunction();

        await function.Run(message, actions.Object, CancellationToken.None);

        Assert.Equal(["m-1"], function.Processed);
        actions.Verify(a => a.CompleteMessageAsync(message, It.IsAny<CancellationToken>()), Times.Once);
        actions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task MessageOfAnotherContentTypeIsDeadLetteredWithAReason()
    {
        var actions = new Mock<ServiceBusMessageActions>();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("x"), messageId: "m-2",
            contentType: "text/plain");
        var function = new DeliveryRequestFunction();

        await function.Run(message, actions.Object, CancellationToken.None);

        Assert.Empty(function.Processed);
        actions.Verify(a => a.DeadLetterMessageAsync(message, null, DeliveryRequestFunction.UnsupportedContentType,
            It.Is<string>(d => d.Contains("text/plain")), It.IsAny<CancellationToken>()), Times.Once);
        actions.VerifyNoOtherCalls();
    }

    [Fact]
    public void ModelFactoryBuildsAReceivedMessageWithEveryFieldItIsGiven()
    {
        var enqueued = DateTimeOffset.UtcNow;
        var lockToken = Guid.NewGuid();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("b"), messageId: "m-3",
            timeToLive: TimeSpan.FromMinutes(5), properties: new Dictionary<string, object> { ["DeadLetterReason"] = "Why" },
            lockTokenGuid: lockToken, deliveryCount: 4, sequenceNumber: 17, enqueuedTime: enqueued);

        Assert.Equal(4, message.DeliveryCount);
        Assert.Equal(17, message.SequenceNumber);
        Assert.Equal(lockToken.ToString(), message.LockToken);
        Assert.Equal(enqueued + TimeSpan.FromMinutes(5), message.ExpiresAt);
        Assert.Equal("Why", message.DeadLetterReason);
    }

    [Fact]
    public async Task SenderCanBeMockedForAppCodeThatSchedulesRetries()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.ScheduleMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(42L);
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender("webhook-deliveries")).Returns(sender.Object);

        var sequenceNumber = await client.Object.CreateSender("webhook-deliveries")
            .ScheduleMessageAsync(new ServiceBusMessage("retry"), DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(42L, sequenceNumber);
    }
}
