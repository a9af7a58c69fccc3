using Azure;
using Azure.Data.Tables;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// Hands out Service Bus sequence numbers per queue. A counter row per queue in the namespace table
/// reserves blocks (updated under its ETag, so two processes never get the same block); numbers are
/// then unique per queue and increasing within a process, as on a partitioned entity. Survives restarts.
/// </summary>
internal sealed class SequenceNumbers
{
    private const string PartitionKey = "sequence";
    private const int BlockSize = 100;

    private readonly LocalServiceBusNamespace _namespace;
    private readonly Dictionary<string, (long Next, long End)> _blocks = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SequenceNumbers(LocalServiceBusNamespace @namespace)
    {
        _namespace = @namespace;
    }

    public async Task<long> NextAsync(string storageQueueName, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_blocks.TryGetValue(storageQueueName, out var block) || block.Next >= block.End)
            {
                var start = await ReserveBlockAsync(storageQueueName, cancellationToken).ConfigureAwait(false);
                block = (start, start + BlockSize);
            }
            _blocks[storageQueueName] = (block.Next + 1, block.End);
            return block.Next;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<long> ReserveBlockAsync(string storageQueueName, CancellationToken cancellationToken)
    {
        var table = await _namespace.TableAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TableEntity? counter;
            try
            {
                counter = (await table.GetEntityAsync<TableEntity>(PartitionKey, storageQueueName, cancellationToken: cancellationToken)
                    .ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                counter = null;
            }

            try
            {
                if (counter is null)
                {
                    await table.AddEntityAsync(new TableEntity(PartitionKey, storageQueueName) { ["Next"] = 1L + BlockSize },
                        cancellationToken).ConfigureAwait(false);
                    return 1;
                }
                var start = counter.GetInt64("Next") ?? 1;
                counter["Next"] = start + BlockSize;
                await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return start;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another process reserved a block first: read the counter again.
            }
        }
    }
}
