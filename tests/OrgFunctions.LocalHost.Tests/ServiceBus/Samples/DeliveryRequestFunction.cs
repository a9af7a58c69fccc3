using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.LocalHost.Tests.ServiceBus.Samples;

/// <summary>
/// A function written as for the real Functions host: settles its message itself. Unit-tested with
/// a mocked <see cref="ServiceBusMessageActions"/>, as one would with the real packages.
/// </summary>
public sealed class DeliveryRequestFunction
{
    public const string UnsupportedContentType = "UnsupportedContentType";

    public List<string> Processed { get; } = [];

    // The queue comes from an app setting (resolved by the host); no host runs this sample, so it is never set.
    [Function("SampleDeliveryRequest")]
    public async Task Run(
        [ServiceBusTrigger("%Samples:DeliveryRequestQueue%", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions, CancellationToken cancellationToken)
    {
        if (message.ContentType != "application/json")
        {
            await actions.DeadLetterMessageAsync(message, deadLetterReason: UnsupportedContentType,
                deadLetterErrorDescription: $"Content type '{message.ContentType}' is not application/json.",
                cancellationToken: cancellationToken);
            return;
        }
        Processed.Add(message.MessageId!);
        await actions.CompleteMessageAsync(message, cancellationToken);
    }
}
