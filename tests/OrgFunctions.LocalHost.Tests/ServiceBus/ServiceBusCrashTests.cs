using Azure.Messaging.ServiceBus;
using OrgFunctions.LocalHost.Tests.ServiceBus.Samples;
using OrgFunctions.LocalHost.Tests.ServiceBus.Support;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Testing.Hosting;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

/// <summary>A host killed (SIGKILL) mid-handling loses no message: the next host gets it again and completes it.</summary>
public sealed class ServiceBusCrashTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task MessageBeingHandledWhenTheHostIsKilledIsRedeliveredAndCompletedByTheNextHost()
    {
        var queueName = AzuriteFixture.UniqueName("crash-");
        var signals = Directory.CreateTempSubdirectory("sb-crash-").FullName;
        try
        {
            await using (var first = StartHost(queueName, signals))
            {
                await using var bus = new LocalServiceBusHarness(azurite);
                await using (var sender = bus.Client.CreateSender(queueName))
                {
                    await sender.SendMessageAsync(new ServiceBusMessage("survive") { MessageId = "m-crash" });
                }
                await Poll.UntilAsync(() => File.Exists(Path.Combine(signals, "started-1")), "the first delivery to start", null, first);
                await first.KillAsync(); // SIGKILL: no shutdown, no settlement.
            }
            Assert.False(File.Exists(Path.Combine(signals, "completed-1")));

            await using var second = StartHost(queueName, signals);
            await Poll.UntilAsync(() => File.Exists(Path.Combine(signals, "completed-2")), "the redelivery to complete", null, second);
            Assert.Equal("m-crash", await File.ReadAllTextAsync(Path.Combine(signals, "completed-2")));
            var queue = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, queueName);
            await Poll.UntilAsync(async () => (await queue.PeekMessagesAsync(1)).Value.Length == 0, "the queue to be empty");
        }
        finally
        {
            Directory.Delete(signals, recursive: true);
        }
    }

    private ChildLocalHost StartHost(string queueName, string signals) =>
        ChildLocalHost.Start(SampleHost.Arguments(azurite.ConnectionString,
            $"--{CrashSafetyFunction.QueueSetting}={queueName}",
            $"--{CrashSafetyFunction.SignalDirectorySetting}={signals}",
            "--LocalHost:ServiceBus:LockDuration=00:00:03",
            "--LocalHost:ServiceBus:MaxPollingInterval=00:00:00.200"));
}
