using Azure.Messaging.ServiceBus;
using OrgFunctions.LocalHost.Tests.ServiceBus.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

public sealed class ServiceBusScheduleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ScheduledMessageIsDeliveredAtItsTimeAndNotBefore()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Start();
        await using var sender = bus.Client.CreateSender(bus.QueueName);
        var due = DateTimeOffset.UtcNow.AddSeconds(3);

        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("later"), due);
        var received = await bus.NextDeliveryAsync();

        Assert.True(bus.Deliveries.Single().ReceivedAt >= due, "delivered before its scheduled time");
        Assert.Equal(sequenceNumber, received.SequenceNumber);
        Assert.Equal(due, received.ScheduledEnqueueTime);
        Assert.Equal(1, received.DeliveryCount);
    }

    [Fact]
    public async Task MessageWithAFutureScheduledEnqueueTimeSentNormallyIsAlsoHeldBack()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Start();
        var due = DateTimeOffset.UtcNow.AddSeconds(2);

        await bus.SendAsync(new ServiceBusMessage("later too") { ScheduledEnqueueTime = due });
        await bus.NextDeliveryAsync();

        Assert.True(bus.Deliveries.Single().ReceivedAt >= due, "delivered before its scheduled time");
    }

    [Fact]
    public async Task CancelledScheduledMessageIsNeverDelivered()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Start();
        await using var sender = bus.Client.CreateSender(bus.QueueName);

        var cancelled = await sender.ScheduleMessageAsync(new ServiceBusMessage("cancelled"), DateTimeOffset.UtcNow.AddSeconds(2));
        await sender.ScheduleMessageAsync(new ServiceBusMessage("kept"), DateTimeOffset.UtcNow.AddSeconds(4));
        await sender.CancelScheduledMessageAsync(cancelled);

        // The kept message comes after the cancelled one was due, so by then the cancelled one would have shown up.
        await bus.NextDeliveryAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(["kept"], bus.Deliveries.Select(d => d.Message.Body.ToString()));
    }

    [Fact]
    public async Task CancellingAnUnknownOrAlreadyEnqueuedSequenceNumberDoesNothing()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Start();
        await using var sender = bus.Client.CreateSender(bus.QueueName);
        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("soon"), DateTimeOffset.UtcNow.AddSeconds(1));
        await bus.NextDeliveryAsync();

        await sender.CancelScheduledMessageAsync(sequenceNumber);
        await sender.CancelScheduledMessageAsync(987654321);

        Assert.Single(bus.Deliveries);
    }
}
