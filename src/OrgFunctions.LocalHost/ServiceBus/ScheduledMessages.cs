using Azure;
using Azure.Data.Tables;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>
/// Remembers which Storage queue message holds each message scheduled with <c>ScheduleMessageAsync</c>,
/// by sequence number, so that <c>CancelScheduledMessageAsync</c> can find it after a restart. A cancel
/// marks the row and deletes the queue message; the receiver also checks the mark, so a cancel that
/// races a receipt (whose pop receipt it can't know) still wins. The row goes once the message is due.
/// </summary>
internal sealed class ScheduledMessages
{
    private readonly LocalServiceBusNamespace _namespace;

    public ScheduledMessages(LocalServiceBusNamespace @namespace)
    {
        _namespace = @namespace;
    }

    public async Task RecordAsync(string storageQueueName, long sequenceNumber, string queueMessageId, string popReceipt,
        CancellationToken cancellationToken)
    {
        var table = await _namespace.TableAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition(storageQueueName), RowKey(sequenceNumber))
        {
            ["QueueMessageId"] = queueMessageId,
            ["PopReceipt"] = popReceipt,
            ["Cancelled"] = false,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After the receiver re-hid a message scheduled beyond Storage's 7-day limit, its pop receipt changed.</summary>
    public async Task UpdatePopReceiptAsync(string storageQueueName, long sequenceNumber, string popReceipt, CancellationToken cancellationToken)
    {
        var table = await _namespace.TableAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition(storageQueueName), RowKey(sequenceNumber)) { ["PopReceipt"] = popReceipt };
        try
        {
            await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone: cancelled meanwhile; the receiver sees that on the next receipt.
        }
    }

    /// <summary>Marks the message cancelled and returns where it is, or null if it is unknown or already due.</summary>
    public async Task<(string QueueMessageId, string PopReceipt)?> CancelAsync(string storageQueueName, long sequenceNumber,
        CancellationToken cancellationToken)
    {
        var table = await _namespace.TableAsync(cancellationToken).ConfigureAwait(false);
        TableEntity row;
        try
        {
            row = (await table.GetEntityAsync<TableEntity>(Partition(storageQueueName), RowKey(sequenceNumber),
                cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            row["Cancelled"] = true;
            // Under the row's ETag: if the receiver removed it meanwhile (the message came due), this fails and nothing is cancelled.
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
        return (row.GetString("QueueMessageId")!, row.GetString("PopReceipt")!);
    }

    /// <summary>Called by the receiver when the message is due: true if it was cancelled (drop it), false to deliver it.</summary>
    public async Task<bool> ClaimForDeliveryAsync(string storageQueueName, long sequenceNumber, CancellationToken cancellationToken)
    {
        var table = await _namespace.TableAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            TableEntity row;
            try
            {
                row = (await table.GetEntityAsync<TableEntity>(Partition(storageQueueName), RowKey(sequenceNumber),
                    cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return false; // Already claimed by an earlier delivery (the process stopped before settling).
            }
            if (row.GetBoolean("Cancelled") == true)
            {
                return true;
            }
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
                return false;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // A cancel marked it meanwhile: read it again.
            }
        }
    }

    public async Task ForgetAsync(string storageQueueName, long sequenceNumber, CancellationToken cancellationToken)
    {
        var table = await _namespace.TableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(Partition(storageQueueName), RowKey(sequenceNumber), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private static string Partition(string storageQueueName) => "scheduled-" + storageQueueName;

    private static string RowKey(long sequenceNumber) => sequenceNumber.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
