using Azure.Messaging.ServiceBus;
using OrgFunctions.LocalHost.ServiceBus;
using OrgFunctions.LocalHost.Tests.ServiceBus.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

public sealed class ServiceBusSettlementTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AbandonRedeliversWithTheNextDeliveryCountAndModifiedProperties()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Handler = async (message, actions) =>
        {
            if (message.DeliveryCount < 3)
            {
                await actions.AbandonMessageAsync(message, new Dictionary<string, object> { ["attempt"] = message.DeliveryCount });
            }
            else
            {
                await actions.CompleteMessageAsync(message);
            }
        };
        bus.Start(autoComplete: false);

        await bus.SendAsync(new ServiceBusMessage("retry me"));
        var third = await bus.DeliveryAsync(3);

        Assert.Equal([1, 2, 3], bus.Deliveries.Take(3).Select(d => d.Message.DeliveryCount));
        Assert.Equal(2, third.ApplicationProperties["attempt"]);
        Assert.Equal(bus.Deliveries.First().Message.MessageId, third.MessageId);
    }

    [Fact]
    public async Task AnExceptionAbandonsTheMessageSoItIsDeliveredAgainWithAHigherCount()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Handler = (message, _) => message.DeliveryCount == 1 ? throw new InvalidOperationException("boom") : Task.CompletedTask;
        bus.Start(autoComplete: true);

        await bus.SendAsync(new ServiceBusMessage("fails once"));
        var second = await bus.DeliveryAsync(2);

        Assert.Equal(2, second.DeliveryCount);
        await Poll.UntilAsync(async () => await bus.VisibleCountAsync(bus.QueueName) == 0, "the queue to be empty");
    }

    [Fact]
    public async Task CompleteDeletesTheMessage()
    {
        await using var bus = new LocalServiceBusHarness(azurite, o => o.LockDuration = TimeSpan.FromSeconds(1));
        var completed = new TaskCompletionSource();
        bus.Handler = async (message, actions) =>
        {
            await actions.CompleteMessageAsync(message);
            completed.TrySetResult();
        };
        bus.Start(autoComplete: false);

        await bus.SendAsync(new ServiceBusMessage("done"));
        await completed.Task.WaitAsync(Poll.Deadline);

        // Gone for good: not visible now, nor after its lock would have expired, and never delivered again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0, await bus.VisibleCountAsync(bus.QueueName));
        Assert.Single(bus.Deliveries);
    }

    [Fact]
    public async Task SecondSettleOfTheSameDeliveryFailsWithMessageLockLost()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        var outcome = new TaskCompletionSource<Exception?>();
        bus.Handler = async (message, actions) =>
        {
            await actions.CompleteMessageAsync(message);
            try
            {
                await actions.AbandonMessageAsync(message);
                outcome.TrySetResult(null);
            }
            catch (Exception e)
            {
                outcome.TrySetResult(e);
            }
        };
        bus.Start(autoComplete: false);

        await bus.SendAsync(new ServiceBusMessage("once"));

        var error = Assert.IsType<ServiceBusException>(await outcome.Task.WaitAsync(Poll.Deadline));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, error.Reason);
    }

    [Fact]
    public async Task DeadLetterMovesTheMessageWithReasonDescriptionAndOriginalProperties()
    {
        await using var bus = new LocalServiceBusHarness(azurite);
        bus.Handler = (message, actions) => actions.DeadLetterMessageAsync(message,
            new Dictionary<string, object> { ["lastStatus"] = 410 }, "Gone", "The endpoint answered 410.");
        bus.Start(autoComplete: false);

        await bus.SendAsync(new ServiceBusMessage("poison") { MessageId = "m-dl", ApplicationProperties = { ["org"] = "o-1" } });

        var deadLetter = await ReceiveDeadLetterAsync(bus);
        Assert.Equal("m-dl", deadLetter.MessageId);
        Assert.Equal("poison", deadLetter.Body.ToString());
        Assert.Equal("Gone", deadLetter.DeadLetterReason);
        Assert.Equal("The endpoint answered 410.", deadLetter.DeadLetterErrorDescription);
        Assert.Equal(bus.QueueName, deadLetter.DeadLetterSource);
        Assert.Equal("o-1", deadLetter.ApplicationProperties["org"]);
        Assert.Equal(410, deadLetter.ApplicationProperties["lastStatus"]);
        Assert.Equal(0, await bus.VisibleCountAsync(bus.QueueName));
        Assert.Single(bus.Deliveries);
    }

    [Fact]
    public async Task MessageIsDeadLetteredWithMaxDeliveryCountExceededAfterTheLastAllowedDelivery()
    {
        await using var bus = new LocalServiceBusHarness(azurite, o => o.MaxDeliveryCount = 3);
        bus.Handler = (_, _) => throw new InvalidOperationException("always fails");
        bus.Start(autoComplete: true);

        await bus.SendAsync(new ServiceBusMessage("hopeless") { MessageId = "m-max" });

        var deadLetter = await ReceiveDeadLetterAsync(bus);
        Assert.Equal("m-max", deadLetter.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", deadLetter.DeadLetterReason);
        Assert.Equal([1, 2, 3], bus.Deliveries.Select(d => d.Message.DeliveryCount));
    }

    internal static async Task<ServiceBusReceivedMessage> ReceiveDeadLetterAsync(LocalServiceBusHarness bus)
    {
        var deadLetterQueue = bus.StorageQueue(StorageQueueNames.DeadLetterFor(bus.QueueName));
        await deadLetterQueue.CreateIfNotExistsAsync();
        Azure.Storage.Queues.Models.PeekedMessage? found = null;
        await Poll.UntilAsync(async () =>
        {
            found = (await deadLetterQueue.PeekMessagesAsync(1)).Value.FirstOrDefault();
            return found is not null;
        }, "a message in the dead-letter queue");
        var envelope = MessageEnvelopes.FromText(found!.Body.ToString(), found.MessageId, found.InsertedOn);
        return MessageEnvelopes.ToReceivedMessage(envelope, 1, Guid.NewGuid(), DateTimeOffset.UtcNow);
    }
}
