using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace OrgFunctions.LocalHost.Tests.ServiceBus.Samples;

public sealed record ForwardRequest(string Text);

/// <summary>
/// App code as written for Azure: injects <see cref="ServiceBusClient"/>, binds trigger metadata by name,
/// and settles through <see cref="ServiceBusMessageActions"/>. Hosted by the local host in ServiceBusHostTests.
/// </summary>
public sealed class ForwardingFunction(ServiceBusClient client, IConfiguration configuration)
{
    public const string FromSetting = "Samples:ForwardFrom";
    public const string ToSetting = "Samples:ForwardTo";

    [Function("SampleForward")]
    public async Task Run(
        [ServiceBusTrigger("%" + FromSetting + "%", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        string messageId, int deliveryCount, ServiceBusMessageActions actions, CancellationToken cancellationToken)
    {
        var request = message.Body.ToObjectFromJson<ForwardRequest>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        await using var sender = client.CreateSender(configuration[ToSetting]!);
        await sender.SendMessageAsync(new ServiceBusMessage($"{request.Text} (from {messageId}, delivery {deliveryCount})")
        {
            ApplicationProperties = { ["forwardedBy"] = "SampleForward" },
        }, cancellationToken);
        await actions.CompleteMessageAsync(message, cancellationToken);
    }
}
