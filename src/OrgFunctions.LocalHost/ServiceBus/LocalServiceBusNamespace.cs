using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// The storage account that plays a Service Bus namespace: hands out the Storage queue behind each
/// Service Bus queue (and its dead-letter queue), created on first use, and the table that keeps
/// sequence numbers and scheduled messages.
/// </summary>
internal sealed class LocalServiceBusNamespace
{
    public const string TableName = "LocalServiceBus";

    private readonly string? _connectionString;
    private readonly ConcurrentDictionary<string, QueueClient> _queues = new();
    private TableClient? _table;

    /// <remarks>The connection string is checked on first use, so a host without one fails only if it uses Service Bus.</remarks>
    public LocalServiceBusNamespace(string? connectionString)
    {
        _connectionString = connectionString;
    }

    private string ConnectionString => _connectionString is { Length: > 0 } connectionString
        ? connectionString
        : throw new InvalidOperationException(
            "The local Service Bus needs a storage account: set AzureWebJobsStorage (or LocalHost:ServiceBus:ConnectionString).");

    /// <summary>A name for <c>ServiceBusClient.FullyQualifiedNamespace</c>: the queue endpoint's authority.</summary>
    public string Name => new QueueClient(ConnectionString, "name").Uri.Authority;

    // The cancellation token matters: while Azurite is down, one creation retries for ~25 s (the Storage client's
    // default policy), and a host that is stopping must not wait for that.
    public Task<QueueClient> QueueAsync(string serviceBusQueueName, CancellationToken cancellationToken = default) =>
        StorageQueueAsync(StorageQueueNames.ForQueue(serviceBusQueueName), cancellationToken);

    public Task<QueueClient> DeadLetterQueueAsync(string serviceBusQueueName, CancellationToken cancellationToken = default) =>
        StorageQueueAsync(StorageQueueNames.DeadLetterFor(serviceBusQueueName), cancellationToken);

    // Creation is idempotent, so two callers racing on first use both create and one client is kept;
    // a failure (Azurite not up yet) is not cached and the next call tries again.
    private async Task<QueueClient> StorageQueueAsync(string storageQueueName, CancellationToken cancellationToken)
    {
        if (_queues.TryGetValue(storageQueueName, out var existing))
        {
            return existing;
        }
        var queue = await CreateQueueAsync(storageQueueName, cancellationToken).ConfigureAwait(false);
        return _queues.GetOrAdd(storageQueueName, queue);
    }

    public async Task<TableClient> TableAsync(CancellationToken cancellationToken = default)
    {
        if (_table is { } table)
        {
            return table;
        }
        table = new TableClient(ConnectionString, TableName);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return _table = table;
    }

    private async Task<QueueClient> CreateQueueAsync(string storageQueueName, CancellationToken cancellationToken)
    {
        var queue = new QueueClient(ConnectionString, storageQueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return queue;
    }
}
