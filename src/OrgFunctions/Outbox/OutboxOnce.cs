using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Storage;

namespace OrgFunctions.Outbox;

/// <summary>
/// Writes an event whose id and time are derived from stored state, for changes to per-org tables that can't share a
/// transaction with the tree partition's outbox. The same event written twice is one row (its RowKey is the same), so
/// a retried or resumed operation emits it exactly once. Like every outbox write, it marks the tree first
/// (<see cref="PendingTrees"/>), so the webhook fan-out finds the event.
/// </summary>
public sealed class OutboxOnce(OrgTables tables)
{
    /// <summary>Adds the event unless a row with its key exists; true when this call added it.</summary>
    public async Task<bool> AddAsync(string treePartition, DomainEvent e, CancellationToken cancellationToken)
    {
        await PendingTrees.MarkAsync(tables.Index, treePartition, cancellationToken);
        try
        {
            await tables.Orgs.SubmitTransactionAsync([OutboxRows.Add(treePartition, e)], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>An event id that is a function of what it is about, so re-deriving it finds the same row.</summary>
    public static string DeterministicId(params string[] parts) =>
        "evt_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32].ToLowerInvariant();
}
