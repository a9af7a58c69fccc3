using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Marks the parameter that receives a Service Bus message: the public API of the real attribute, member for member.
/// </summary>
public sealed class ServiceBusTriggerAttribute : TriggerBindingAttribute, ISupportCardinality
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

    /// <summary>The app setting that holds the connection.</summary>
    public string? Connection { get; set; }

    public string? QueueName { get; }

    public string? TopicName { get; }

    public string? SubscriptionName { get; }

    public bool IsSessionsEnabled { get; set; }

    // The Worker SDK's metadata generator reads the default cardinality from this attribute.
    [DefaultValue(false)]
    public bool IsBatched { get; set; }

    /// <summary>Whether a successful run completes the message; when not set, host.json's <c>autoCompleteMessages</c> decides.</summary>
    public bool AutoCompleteMessages { get; set; }

    Cardinality ISupportCardinality.Cardinality
    {
        get => IsBatched ? Cardinality.Many : Cardinality.One;
        set => IsBatched = value == Cardinality.Many;
    }
}
