using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.ServiceBus;
using OrgFunctions.LocalHost.Tests.ServiceBus.Samples;
using OrgFunctions.LocalHost.Tests.ServiceBus.Support;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

/// <summary>The local host runs [ServiceBusTrigger] functions and gives app code a working ServiceBusClient.</summary>
public sealed class ServiceBusHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TriggeredFunctionGetsItsPocoMetadataAndActionsAndSendsWithTheInjectedClient()
    {
        var from = AzuriteFixture.UniqueName("from-");
        var to = AzuriteFixture.UniqueName("to-");
        var host = OrgFunctions.LocalHost.Hosting.LocalFunctionsHost.Create(SampleHost.Arguments(azurite.ConnectionString,
            $"--{ForwardingFunction.FromSetting}={from}", $"--{ForwardingFunction.ToSetting}={to}",
            "--LocalHost:ServiceBus:MaxPollingInterval=00:00:00.200"));
        await using (host)
        {
            await host.StartAsync();
            var client = host.Services.GetRequiredService<ServiceBusClient>();
            Assert.IsType<LocalServiceBusClient>(client);

            await using (var sender = client.CreateSender(from))
            {
                await sender.SendMessageAsync(new ServiceBusMessage("{\"text\":\"hi\"}") { MessageId = "m-fwd" });
            }

            var forwarded = await ReceiveOneAsync(to);
            Assert.Equal("hi (from m-fwd, delivery 1)", forwarded.Body.ToString());
            Assert.Equal("SampleForward", forwarded.ApplicationProperties["forwardedBy"]);
            await Poll.UntilAsync(async () => (await new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, from)
                .PeekMessagesAsync(1)).Value.Length == 0, "the source message to be completed");
            await host.StopAsync();
        }
    }

    private async Task<ServiceBusReceivedMessage> ReceiveOneAsync(string queueName)
    {
        var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, queueName);
        await queue.CreateIfNotExistsAsync();
        Azure.Storage.Queues.Models.QueueMessage? found = null;
        await Poll.UntilAsync(async () =>
        {
            found = (await queue.ReceiveMessagesAsync(1)).Value.FirstOrDefault();
            return found is not null;
        }, $"a message on {queueName}");
        var envelope = MessageEnvelopes.FromText(found!.Body.ToString(), found.MessageId, found.InsertedOn);
        return MessageEnvelopes.ToReceivedMessage(envelope, (int)found.DequeueCount, Guid.NewGuid(), DateTimeOffset.UtcNow);
    }
}
