namespace Azure.Messaging.ServiceBus;

/// <summary>
/// A message to send. Holds its own state instead of an AMQP message: offline there is no AMQP
/// transport, so <c>GetRawAmqpMessage</c> and the <c>AmqpAnnotatedMessage</c> constructor are left out.
/// </summary>
public class ServiceBusMessage
{
    private BinaryData _body;
    private TimeSpan? _timeToLive;

    public ServiceBusMessage()
        : this(new BinaryData(ReadOnlyMemory<byte>.Empty))
    {
    }

    public ServiceBusMessage(string body)
        : this(BinaryData.FromString(body ?? throw new ArgumentNullException(nameof(body))))
    {
    }

    public ServiceBusMessage(ReadOnlyMemory<byte> body)
        : this(new BinaryData(body))
    {
    }

    public ServiceBusMessage(BinaryData body)
    {
        _body = body ?? throw new ArgumentNullException(nameof(body));
        ApplicationProperties = new Dictionary<string, object>();
    }

    /// <summary>Copies a received message so it can be sent again, as the real constructor does.</summary>
    public ServiceBusMessage(ServiceBusReceivedMessage receivedMessage)
    {
        ArgumentNullException.ThrowIfNull(receivedMessage);
        _body = receivedMessage.Body;
        MessageId = receivedMessage.MessageId;
        ContentType = receivedMessage.ContentType;
        CorrelationId = receivedMessage.CorrelationId;
        Subject = receivedMessage.Subject;
        To = receivedMessage.To;
        ReplyTo = receivedMessage.ReplyTo;
        SessionId = receivedMessage.SessionId;
        ReplyToSessionId = receivedMessage.ReplyToSessionId;
        PartitionKey = receivedMessage.PartitionKey;
        if (receivedMessage.TimeToLive != TimeSpan.MaxValue)
        {
            _timeToLive = receivedMessage.TimeToLive;
        }
        ApplicationProperties = new Dictionary<string, object>();
        foreach (var (key, value) in receivedMessage.ApplicationProperties)
        {
            // Dead-letter annotations describe the old delivery, not the new message.
            if (key is not (ServiceBusReceivedMessage.DeadLetterReasonHeader or ServiceBusReceivedMessage.DeadLetterErrorDescriptionHeader))
            {
                ApplicationProperties[key] = value;
            }
        }
    }

    public IDictionary<string, object> ApplicationProperties { get; }

    public BinaryData Body
    {
        get => _body;
        set => _body = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string? ContentType { get; set; }

    public string? CorrelationId { get; set; }

    public string? MessageId { get; set; }

    public string? PartitionKey { get; set; }

    public string? ReplyTo { get; set; }

    public string? ReplyToSessionId { get; set; }

    /// <summary>When the message becomes visible; default (unset) means on send.</summary>
    public DateTimeOffset ScheduledEnqueueTime { get; set; }

    public string? SessionId { get; set; }

    public string? Subject { get; set; }

    /// <summary>How long the message lives from when it is enqueued; <see cref="TimeSpan.MaxValue"/> when unset.</summary>
    public TimeSpan TimeToLive
    {
        get => _timeToLive ?? TimeSpan.MaxValue;
        set
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "TimeToLive must be positive.");
            }
            _timeToLive = value;
        }
    }

    public string? To { get; set; }

    public string? TransactionPartitionKey { get; set; }

    public override string ToString() => $"{{MessageId:{MessageId}}}";
}
