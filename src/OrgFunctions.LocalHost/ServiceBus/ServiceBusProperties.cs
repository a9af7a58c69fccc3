namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>Application property names Service Bus itself uses.</summary>
internal static class ServiceBusProperties
{
    public const string DeadLetterReason = "DeadLetterReason";
    public const string DeadLetterErrorDescription = "DeadLetterErrorDescription";
}
