namespace Azure.Messaging.ServiceBus;

/// <summary>Why a Service Bus operation failed (same members and values as the real enum).</summary>
public enum ServiceBusFailureReason
{
    GeneralError = 0,
    MessagingEntityNotFound = 1,
    MessageLockLost = 2,
    MessageNotFound = 3,
    MessageSizeExceeded = 4,
    MessagingEntityDisabled = 5,
    QuotaExceeded = 6,
    ServiceBusy = 7,
    ServiceTimeout = 8,
    ServiceCommunicationProblem = 9,
    SessionCannotBeLocked = 10,
    SessionLockLost = 11,
    MessagingEntityAlreadyExists = 12,
}
