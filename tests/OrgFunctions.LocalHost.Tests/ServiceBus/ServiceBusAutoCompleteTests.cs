using Azure.Messaging.ServiceBus;
using OrgFunctions.LocalHost.Tests.ServiceBus.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

public sealed class ServiceBusAutoCompleteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task WithAutoCompleteASuccessfulRunCompletesTheMessage()
    {
        await using var bus = new LocalServiceBusHarness(azurite, o => o.LockDuration = TimeSpan.FromSeconds(1));
        bus.Start(autoComplete: true);

        await bus.SendAsync(new ServiceBusMessage("auto"));
        await bus.NextDeliveryAsync();

        await Task.Delay(TimeSpan.FromSeconds(3)); // Past the lock: an uncompleted message would be back.
        Assert.Single(bus.Deliveries);
        Assert.Equal(0, await bus.VisibleCountAsync(bus.QueueName));
    }

    [Fact]
    public async Task WithoutAutoCompleteAnUnsettledMessageReappearsAfterItsLockExpires()
    {
        await using var bus = new LocalServiceBusHarness(azurite, o => o.LockDuration = TimeSpan.FromSeconds(1));
        bus.Handler = (message, actions) => message.DeliveryCount == 2 ? actions.CompleteMessageAsync(message) : Task.CompletedTask;
        bus.Start(autoComplete: false);

        await bus.SendAsync(new ServiceBusMessage("manual"));
        var second = await bus.DeliveryAsync(2);

        Assert.Equal(2, second.DeliveryCount);
    }

    [Fact]
    public async Task HostDefaultAppliesWhenTheTriggerDoesNotSay()
    {
        await using var bus = new LocalServiceBusHarness(azurite, o =>
        {
            o.LockDuration = TimeSpan.FromSeconds(1);
            o.AutoCompleteMessages = false;
        });
        bus.Start(autoComplete: null);

        await bus.SendAsync(new ServiceBusMessage("host default"));
        var second = await bus.DeliveryAsync(2);

        Assert.Equal(2, second.DeliveryCount);
    }
}
