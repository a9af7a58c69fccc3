namespace Azure.Storage.Queues.Models;

public class SendReceipt
{
    internal SendReceipt() { }

    public string MessageId { get; internal set; } = "";
    public DateTimeOffset InsertionTime { get; internal set; }
    public DateTimeOffset ExpirationTime { get; internal set; }
    public string PopReceipt { get; internal set; } = "";
    public DateTimeOffset TimeNextVisible { get; internal set; }
}

public class UpdateReceipt
{
    internal UpdateReceipt() { }

    public string PopReceipt { get; internal set; } = "";
    public DateTimeOffset NextVisibleOn { get; internal set; }
}

/// <summary>A received message: invisible to others until <see cref="NextVisibleOn"/>, deletable with <see cref="PopReceipt"/>.</summary>
public class QueueMessage
{
    internal QueueMessage() { }

    public string MessageId { get; internal set; } = "";
    public string PopReceipt { get; internal set; } = "";
    public string MessageText => Body.ToString();
    public BinaryData Body { get; internal set; } = BinaryData.Empty;
    public DateTimeOffset? NextVisibleOn { get; internal set; }
    public DateTimeOffset? InsertedOn { get; internal set; }
    public DateTimeOffset? ExpiresOn { get; internal set; }
    public long DequeueCount { get; internal set; }

    /// <summary>This message with the pop receipt and visibility of an update.</summary>
    public QueueMessage Update(UpdateReceipt updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return new QueueMessage
        {
            MessageId = MessageId,
            PopReceipt = updated.PopReceipt,
            Body = Body,
            NextVisibleOn = updated.NextVisibleOn,
            InsertedOn = InsertedOn,
            ExpiresOn = ExpiresOn,
            DequeueCount = DequeueCount,
        };
    }
}

/// <summary>A message seen without being received: no pop receipt, dequeue count unchanged.</summary>
public class PeekedMessage
{
    internal PeekedMessage() { }

    public string MessageId { get; internal set; } = "";
    public string MessageText => Body.ToString();
    public BinaryData Body { get; internal set; } = BinaryData.Empty;
    public DateTimeOffset? InsertedOn { get; internal set; }
    public DateTimeOffset? ExpiresOn { get; internal set; }
    public long DequeueCount { get; internal set; }
}

public static class QueuesModelFactory
{
    public static QueueMessage QueueMessage(string messageId, string popReceipt, string messageText, long dequeueCount,
        DateTimeOffset? nextVisibleOn = null, DateTimeOffset? insertedOn = null, DateTimeOffset? expiresOn = null) =>
        QueueMessage(messageId, popReceipt, BinaryData.FromString(messageText ?? ""), dequeueCount, nextVisibleOn, insertedOn, expiresOn);

    public static QueueMessage QueueMessage(string messageId, string popReceipt, BinaryData body, long dequeueCount,
        DateTimeOffset? nextVisibleOn = null, DateTimeOffset? insertedOn = null, DateTimeOffset? expiresOn = null) => new()
    {
        MessageId = messageId,
        PopReceipt = popReceipt,
        Body = body ?? BinaryData.Empty,
        DequeueCount = dequeueCount,
        NextVisibleOn = nextVisibleOn,
        InsertedOn = insertedOn,
        ExpiresOn = expiresOn,
    };

    public static PeekedMessage PeekedMessage(string messageId, string messageText, long dequeueCount,
        DateTimeOffset? insertedOn = null, DateTimeOffset? expiresOn = null) =>
        PeekedMessage(messageId, BinaryData.FromString(messageText ?? ""), dequeueCount, insertedOn, expiresOn);

    public static PeekedMessage PeekedMessage(string messageId, BinaryData message, long dequeueCount,
        DateTimeOffset? insertedOn = null, DateTimeOffset? expiresOn = null) => new()
    {
        MessageId = messageId,
        Body = message ?? BinaryData.Empty,
        DequeueCount = dequeueCount,
        InsertedOn = insertedOn,
        ExpiresOn = expiresOn,
    };

    public static SendReceipt SendReceipt(string messageId, DateTimeOffset insertionTime, DateTimeOffset expirationTime,
        string popReceipt, DateTimeOffset timeNextVisible) => new()
    {
        MessageId = messageId,
        InsertionTime = insertionTime,
        ExpirationTime = expirationTime,
        PopReceipt = popReceipt,
        TimeNextVisible = timeNextVisible,
    };

    public static UpdateReceipt UpdateReceipt(string popReceipt, DateTimeOffset nextVisibleOn) => new()
    {
        PopReceipt = popReceipt,
        NextVisibleOn = nextVisibleOn,
    };
}
