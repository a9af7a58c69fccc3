using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Queues;

public class QueueClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Waits are polls bounded by a generous safety limit; nothing asserts how long they took.
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(30);

    private async Task<QueueClient> NewQueueAsync(QueueClientOptions? options = null)
    {
        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("q"), options ?? new QueueClientOptions());
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private static async Task<QueueMessage> ReceiveEventuallyAsync(QueueClient queue, TimeSpan? visibilityTimeout = null)
    {
        var deadline = DateTime.UtcNow + PollLimit;
        while (DateTime.UtcNow < deadline)
        {
            var message = (await queue.ReceiveMessageAsync(visibilityTimeout)).Value;
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("No message became visible.");
    }

    [Fact]
    public async Task SentMessageIsReceivedAndDeleted()
    {
        var queue = await NewQueueAsync();
        var receipt = (await queue.SendMessageAsync("hello <org> & \"friends\"")).Value;

        var message = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 10)).Value);
        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal("hello <org> & \"friends\"", message.MessageText);
        Assert.Equal("hello <org> & \"friends\"", message.Body.ToString());
        Assert.Equal(1, message.DequeueCount);
        Assert.NotNull(message.InsertedOn);
        Assert.True(message.NextVisibleOn > message.InsertedOn);

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task ReceivedMessageReturnsAfterItsVisibilityTimeoutWithDequeueCountTwo()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("retry me");

        var first = await ReceiveEventuallyAsync(queue, TimeSpan.FromSeconds(1));
        Assert.Null((await queue.ReceiveMessageAsync()).Value);

        var second = await ReceiveEventuallyAsync(queue);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task MessageSentWithAVisibilityTimeoutIsNotReceivedBeforeIt()
    {
        var queue = await NewQueueAsync();
        var receipt = (await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(2))).Value;

        Assert.Null((await queue.ReceiveMessageAsync()).Value);
        Assert.True(receipt.TimeNextVisible > receipt.InsertionTime);

        var message = await ReceiveEventuallyAsync(queue);
        Assert.Equal(receipt.MessageId, message.MessageId);
    }

    [Fact]
    public async Task TimeToLiveSetsExpiresOn()
    {
        var queue = await NewQueueAsync();
        var receipt = (await queue.SendMessageAsync(BinaryData.FromString("short"), timeToLive: TimeSpan.FromMinutes(5))).Value;

        var peeked = Assert.Single((await queue.PeekMessagesAsync()).Value);

        Assert.Equal(receipt.InsertionTime.AddMinutes(5), receipt.ExpirationTime);
        Assert.Equal(receipt.ExpirationTime, peeked.ExpiresOn);
    }

    [Fact]
    public async Task UpdateChangesTextAndVisibilityAndReturnsANewPopReceipt()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1");
        var message = await ReceiveEventuallyAsync(queue);

        var update = (await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, "v2", TimeSpan.FromSeconds(1))).Value;

        Assert.NotEqual(message.PopReceipt, update.PopReceipt);
        var again = await ReceiveEventuallyAsync(queue);
        Assert.Equal("v2", again.MessageText);
        Assert.Equal(message.MessageId, again.MessageId);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        Assert.Equal(400, stale.Status);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
        await queue.DeleteMessageAsync(again.MessageId, again.PopReceipt);
    }

    [Fact]
    public async Task UpdatedMessageKeepsItsIdentity()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("payload");
        var message = await ReceiveEventuallyAsync(queue, TimeSpan.FromSeconds(30));

        var receipt = (await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(60))).Value;
        var updated = message.Update(receipt);

        Assert.Equal(receipt.PopReceipt, updated.PopReceipt);
        Assert.Equal(receipt.NextVisibleOn, updated.NextVisibleOn);
        await queue.DeleteMessageAsync(updated.MessageId, updated.PopReceipt);
    }

    [Fact]
    public async Task DeleteWithAStalePopReceiptFailsWith400PopReceiptMismatch()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("x");
        var first = await ReceiveEventuallyAsync(queue, TimeSpan.FromSeconds(1));
        var second = await ReceiveEventuallyAsync(queue);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));

        // The message still exists under a newer receipt: Azure and Azurite answer 400, not 404.
        Assert.Equal(400, ex.Status);
        Assert.Equal("PopReceiptMismatch", ex.ErrorCode);
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task DeleteOfADeletedMessageFailsWith404MessageNotFound()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("once");
        var message = await ReceiveEventuallyAsync(queue);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));

        Assert.Equal(404, ex.Status);
        Assert.Equal("MessageNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task PeekDoesNotChangeTheDequeueCount()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("look");

        var peeked = (await queue.PeekMessageAsync()).Value;
        (await queue.PeekMessagesAsync(5)).Value.Single();
        var received = await ReceiveEventuallyAsync(queue);

        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal("look", peeked.MessageText);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task Base64EncodingRoundTripsBytesAndIsBase64OnTheWire()
    {
        var queue = await NewQueueAsync(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var bytes = new byte[] { 0, 1, 2, 0xFE, 0xFF, (byte)'<' };
        await queue.SendMessageAsync(new BinaryData(bytes));

        var plain = new QueueClient(azurite.ConnectionString, queue.Name);
        var raw = (await plain.PeekMessageAsync()).Value;
        var received = await ReceiveEventuallyAsync(queue);

        Assert.Equal(Convert.ToBase64String(bytes), raw.MessageText);
        Assert.Equal(bytes, received.Body.ToArray());
    }

    [Fact]
    public async Task MissingQueueFailsWith404QueueNotFound()
    {
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(AzuriteFixture.UniqueName("nope"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x"));

        Assert.Equal(404, ex.Status);
        Assert.Equal("QueueNotFound", ex.ErrorCode);
        Assert.False((await queue.ExistsAsync()).Value);
        Assert.False((await queue.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public void QueueLifetimeWorksSynchronously()
    {
        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("sync"));
        queue.CreateIfNotExists();
        Assert.True(queue.Exists().Value);

        queue.SendMessage("sync", visibilityTimeout: null, timeToLive: null);
        var message = queue.ReceiveMessages(1, TimeSpan.FromSeconds(30)).Value.Single();
        queue.DeleteMessage(message.MessageId, message.PopReceipt);
        queue.Delete();

        Assert.False(queue.Exists().Value);
    }
}
