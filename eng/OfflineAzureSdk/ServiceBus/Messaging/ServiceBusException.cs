namespace Azure.Messaging.ServiceBus;

/// <summary>A failure reported by Service Bus, with a reason callers can branch on.</summary>
public class ServiceBusException : Exception
{
    public ServiceBusException()
    {
    }

    public ServiceBusException(bool isTransient, string message, string? entityName = null,
        ServiceBusFailureReason reason = ServiceBusFailureReason.GeneralError, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        EntityPath = entityName;
        Reason = reason;
    }

    public ServiceBusException(string message, ServiceBusFailureReason reason, string? entityPath = null,
        Exception? innerException = null)
        : this(IsTransientReason(reason), message, entityPath, reason, innerException)
    {
    }

    public string? EntityPath { get; }

    public bool IsTransient { get; }

    public ServiceBusFailureReason Reason { get; }

    // The real exception appends the entity and the reason so that a logged message is self-explanatory.
    public override string Message => string.IsNullOrEmpty(EntityPath)
        ? $"{base.Message} ({Reason})."
        : $"{base.Message} ({EntityPath}). ({Reason}).";

    private static bool IsTransientReason(ServiceBusFailureReason reason) => reason is
        ServiceBusFailureReason.ServiceBusy or
        ServiceBusFailureReason.ServiceTimeout or
        ServiceBusFailureReason.ServiceCommunicationProblem;
}
