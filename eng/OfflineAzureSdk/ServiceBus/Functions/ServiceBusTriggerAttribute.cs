using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Marks the parameter that receives a Service Bus message (Microsoft.Azure.Functions.Worker.Extensions.ServiceBus).
/// The parameter may be a ServiceBusReceivedMessage, string, byte[], BinaryData or a JSON-deserialized type.
/// </summary>
public sealed class ServiceBusTriggerAttribute : TriggerBindingAttribute
{
    public ServiceBusTriggerAttribute(string queueName)
    {
        QueueName = queueName;
    }

    public ServiceBusTriggerAttribute(string topicName, string subscriptionName)
    {
        TopicName = topicName;
        SubscriptionName = subscriptionName;
    }

    /// <summary>The app setting that holds the connection; unset means the host's default (AzureWebJobsServiceBus).</summary>
    public string? Connection { get; set; }

    public string? QueueName { get; }

    public string? TopicName { get; }

    public string? SubscriptionName { get; }

    public bool IsSessionsEnabled { get; set; }

    public bool IsBatched { get; set; }

    /// <summary>Whether a successful run completes the message; when not set, host.json's <c>autoCompleteMessages</c> decides.</summary>
    public bool AutoCompleteMessages { get; set; }
}
