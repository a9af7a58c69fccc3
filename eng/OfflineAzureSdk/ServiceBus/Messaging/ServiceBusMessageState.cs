namespace Azure.Messaging.ServiceBus;

/// <summary>The state of a received message (same members and values as the real enum).</summary>
public enum ServiceBusMessageState
{
    Active = 0,
    Deferred = 1,
    Scheduled = 2,
}
