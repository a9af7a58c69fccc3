using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace OrgFunctions.LocalHost.Tests.ServiceBus.Samples;

/// <summary>
/// For the crash test: the first delivery signals that it started (a file) and then hangs until the
/// process is killed; a later delivery records its delivery count and completes.
/// </summary>
public sealed class CrashSafetyFunction(IConfiguration configuration)
{
    public const string QueueSetting = "Samples:CrashQueue";
    public const string SignalDirectorySetting = "Samples:CrashSignalDirectory";

    [Function("SampleCrashSafety")]
    public async Task Run([ServiceBusTrigger("%" + QueueSetting + "%")] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions, CancellationToken cancellationToken)
    {
        var directory = configuration[SignalDirectorySetting]!;
        await File.WriteAllTextAsync(Path.Combine(directory, $"started-{message.DeliveryCount}"), message.MessageId, cancellationToken);
        if (message.DeliveryCount == 1)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        await actions.CompleteMessageAsync(message, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, $"completed-{message.DeliveryCount}"), message.MessageId, CancellationToken.None);
    }
}
