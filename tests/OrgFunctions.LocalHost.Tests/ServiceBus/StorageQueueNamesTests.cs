using OrgFunctions.LocalHost.ServiceBus;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

public sealed class StorageQueueNamesTests
{
    [Theory]
    [InlineData("webhook-deliveries", "webhook-deliveries")]
    [InlineData("Webhook-Deliveries", "webhook-deliveries")]
    public void ServiceBusQueueMapsToTheStorageQueueOfTheSameNameLowercased(string serviceBus, string storage) =>
        Assert.Equal(storage, StorageQueueNames.ForQueue(serviceBus));

    [Fact]
    public void DeadLetterQueueIsTheQueueNameWithADeadLetterSuffix() =>
        Assert.Equal("webhook-deliveries-deadletter", StorageQueueNames.DeadLetterFor("webhook-deliveries"));

    [Theory]
    [InlineData("orders.v2")]
    [InlineData("orders_v2")]
    [InlineData("orders/v2")]
    [InlineData("-orders")]
    [InlineData("orders--v2")]
    [InlineData("ab")]
    [InlineData("a-name-that-is-far-too-long-for-a-storage-queue-and-its-suffix")]
    public void NameThatCantBeAStorageQueueIsRefusedWithTheReason(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => StorageQueueNames.ForQueue(name));
        Assert.Contains(name, error.Message);
    }
}
