namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// How the local Service Bus stand-in behaves. Defaults follow Service Bus and the Functions host;
/// host.json's <c>extensions.serviceBus</c> and then the <c>LocalHost:ServiceBus</c> configuration section
/// override them (see README.md beside this file).
/// </summary>
public sealed class LocalServiceBusOptions
{
    public const string SectionName = "LocalHost:ServiceBus";

    /// <summary>The storage account that plays the Service Bus namespace; empty means <c>AzureWebJobsStorage</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Peek-lock duration: the visibility timeout a received message gets. Service Bus' default is one minute.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries after which a message is dead-lettered with <c>MaxDeliveryCountExceeded</c> (Service Bus' default: 10).</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>Concurrent invocations per trigger function (host.json <c>maxConcurrentCalls</c>).</summary>
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>Default for functions whose trigger does not set <c>AutoCompleteMessages</c> (host.json <c>autoCompleteMessages</c>).</summary>
    public bool AutoCompleteMessages { get; set; } = true;

    /// <summary>How long the lock is renewed while a function runs (host.json <c>maxAutoLockRenewalDuration</c>).</summary>
    public TimeSpan MaxAutoLockRenewalDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest pause between polls of an empty queue; polling backs off from a tenth of a second to this.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        if (LockDuration < TimeSpan.FromSeconds(1) || LockDuration > TimeSpan.FromMinutes(5))
        {
            throw new InvalidOperationException($"{SectionName}:LockDuration must be between 1 second and 5 minutes (Service Bus' range); it is {LockDuration}.");
        }
        if (MaxDeliveryCount < 1)
        {
            throw new InvalidOperationException($"{SectionName}:MaxDeliveryCount must be at least 1; it is {MaxDeliveryCount}.");
        }
        if (MaxConcurrentCalls < 1)
        {
            throw new InvalidOperationException($"{SectionName}:MaxConcurrentCalls must be at least 1; it is {MaxConcurrentCalls}.");
        }
        if (MaxPollingInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:MaxPollingInterval must be positive; it is {MaxPollingInterval}.");
        }
    }
}
