using Azure.Core;

namespace Azure.Messaging.ServiceBus;

/// <summary>
/// The entry point for sending to Service Bus. Offline there is no Service Bus to connect to, so the
/// public constructors throw <see cref="NotSupportedException"/>; the local host registers a subclass
/// (built with the protected constructor, as mocks are) that maps queues onto Azurite Storage queues.
/// </summary>
public class ServiceBusClient : IAsyncDisposable
{
    private bool _closed;

    protected ServiceBusClient()
    {
    }

    public ServiceBusClient(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        throw NotOffline("ServiceBusClient(string connectionString)");
    }

    public ServiceBusClient(string fullyQualifiedNamespace, TokenCredential credential)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullyQualifiedNamespace);
        ArgumentNullException.ThrowIfNull(credential);
        throw NotOffline("ServiceBusClient(string fullyQualifiedNamespace, TokenCredential credential)");
    }

    public virtual string FullyQualifiedNamespace => string.Empty;

    public virtual string Identifier => string.Empty;

    public virtual bool IsClosed => _closed;

    public virtual ServiceBusSender CreateSender(string queueOrTopicName) =>
        throw new NotSupportedException("ServiceBusClient.CreateSender is not supported by the offline Azure SDK; use the local host's ServiceBusClient.");

    public virtual ValueTask DisposeAsync()
    {
        _closed = true;
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static NotSupportedException NotOffline(string member) => new(
        $"{member} is not supported by the offline Azure SDK: there is no Service Bus to connect to. " +
        "Locally, inject the ServiceBusClient that OrgFunctions.LocalHost registers (it maps queues onto Azurite Storage queues).");
}
