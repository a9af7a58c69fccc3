using System.Text.Json;
using Azure.Messaging.ServiceBus;
using OrgFunctions.LocalHost.ServiceBus;
using OrgFunctions.LocalHost.Tests.ServiceBus.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

public sealed class ServiceBusDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SentMessageArrivesWithItsIdBodyTypedPropertiesAndEnqueuedTime()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Start();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        var id = Guid.NewGuid();
        var message = new ServiceBusMessage(BinaryData.FromString("{\"hello\":\"world\"}"))
        {
            MessageId = "delivery-1",
            ContentType = "application/json",
            CorrelationId = "corr-1",
            Subject = "webhook",
            ApplicationProperties =
            {
                ["text"] = "a", ["int"] = 42, ["long"] = 1L << 40, ["double"] = 0.1, ["bool"] = true, ["when"] = at, ["id"] = id,
            },
        };

        await bus.SendAsync(message);
        var received = await bus.NextDeliveryAsync();

        Assert.Equal("delivery-1", received.MessageId);
        Assert.Equal("{\"hello\":\"world\"}", received.Body.ToString());
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal("corr-1", received.CorrelationId);
        Assert.Equal("webhook", received.Subject);
        Assert.Equal(1, received.DeliveryCount);
        Assert.True(received.SequenceNumber > 0);
        Assert.InRange(received.EnqueuedTime, before, DateTimeOffset.UtcNow);
        Assert.Equal("a", Assert.IsType<string>(received.ApplicationProperties["text"]));
        Assert.Equal(42, Assert.IsType<int>(received.ApplicationProperties["int"]));
        Assert.Equal(1L << 40, Assert.IsType<long>(received.ApplicationProperties["long"]));
        Assert.Equal(0.1, Assert.IsType<double>(received.ApplicationProperties["double"]));
        Assert.True(Assert.IsType<bool>(received.ApplicationProperties["bool"]));
        Assert.Equal(at, Assert.IsType<DateTimeOffset>(received.ApplicationProperties["when"]));
        Assert.Equal(id, Assert.IsType<Guid>(received.ApplicationProperties["id"]));
    }

    [Fact]
    public async Task EachMessageGetsItsOwnIncreasingSequenceNumber()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Start();
        await using var sender = bus.Client.CreateSender(bus.QueueName);

        await sender.SendMessagesAsync([new ServiceBusMessage("1"), new ServiceBusMessage("2"), new ServiceBusMessage("3")]);
        await bus.DeliveryAsync(3);

        var sequence = bus.Deliveries.Select(d => (d.Message.Body.ToString(), d.Message.SequenceNumber)).OrderBy(d => d.Item1).ToList();
        Assert.Equal(3, sequence.Select(s => s.SequenceNumber).Distinct().Count());
        Assert.True(sequence[0].SequenceNumber < sequence[1].SequenceNumber && sequence[1].SequenceNumber < sequence[2].SequenceNumber);
    }

    [Fact]
    public async Task MessageWithUnsupportedPropertyTypeIsRefusedAtSend()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        var message = new ServiceBusMessage("x") { ApplicationProperties = { ["list"] = new List<int>() } };

        await Assert.ThrowsAsync<System.Runtime.Serialization.SerializationException>(() => bus.SendAsync(message));
    }

    [Fact]
    public async Task MessageTooLargeForAStorageQueueIsRefusedWithMessageSizeExceeded()
    {
        await using var bus = new LocalServiceBusHarness(azurite);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => bus.SendAsync(new ServiceBusMessage(new BinaryData(new byte[60_000]))));
        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, error.Reason);
    }

    [Fact]
    public void TriggerValueConvertsToStringBinaryDataAndJsonPoco()
    {
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("{\"orgId\":\"o-1\",\"attempt\":3}"));

        Assert.Equal("{\"orgId\":\"o-1\",\"attempt\":3}", ServiceBusTriggerValue.Convert(message, typeof(string)));
        // The real message builds a new BinaryData on every read of Body: compare the bytes, not the instance.
        Assert.Equal(message.Body.ToArray(), Assert.IsType<BinaryData>(ServiceBusTriggerValue.Convert(message, typeof(BinaryData))).ToArray());
        Assert.Same(message, ServiceBusTriggerValue.Convert(message, typeof(ServiceBusReceivedMessage)));
        var poco = Assert.IsType<DeliveryRequest>(ServiceBusTriggerValue.Convert(message, typeof(DeliveryRequest)));
        Assert.Equal(new DeliveryRequest("o-1", 3), poco);
    }

    [Fact]
    public void TriggerValueThatIsNotJsonForThePocoFailsNamingTheMessage()
    {
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("not json"), messageId: "m-7");

        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusTriggerValue.Convert(message, typeof(DeliveryRequest)));
        Assert.Contains("m-7", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    private sealed record DeliveryRequest(string OrgId, int Attempt);
}
