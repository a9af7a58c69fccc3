using Azure;
using Azure.Data.Tables;
using OrgFunctions.Outbox;

namespace OrgFunctions.Storage;

/// <summary>
/// One unit of work on a tree's partition: the actions of one change, submitted as entity-group transactions of at most
/// <see cref="MaxActions"/>, in the order they were added. Actions added <see cref="Together"/> (a state change and the
/// events it emits, DESIGN §4) always share one transaction; actions added with <see cref="Each"/> may be split between
/// transactions. Every action must be in one partition: Azure refuses a batch that spans two, Azurite doesn't, so this
/// type refuses it first. A lost race (412 stale ETag, 409 existing key) ends the write and comes back as a
/// <see cref="WriteResult"/>; transactions before it stay applied, none after it is sent.
/// </summary>
public sealed class PartitionWrite(string partitionKey)
{
    /// <summary>Table Storage takes at most 100 actions per transaction.</summary>
    public const int MaxActions = 100;

    private readonly List<IReadOnlyList<TableTransactionAction>> _units = [];

    public string PartitionKey => partitionKey;

    /// <summary>How many actions the write holds.</summary>
    public int Count { get; private set; }

    /// <summary>Actions that commit in one transaction or not at all; an outbox event belongs here, with its state change.</summary>
    public PartitionWrite Together(IEnumerable<TableTransactionAction> actions)
    {
        var unit = actions.ToList();
        if (unit.Count > MaxActions)
        {
            throw new ArgumentException($"{unit.Count} actions can't commit together: a transaction takes at most {MaxActions}.", nameof(actions));
        }
        unit.ForEach(GuardPartition);
        if (unit.Count > 0)
        {
            _units.Add(unit);
            Count += unit.Count;
        }
        return this;
    }

    /// <summary>Actions that stand alone (rows without events), packed into as few transactions as the limit allows.</summary>
    public PartitionWrite Each(IEnumerable<TableTransactionAction> actions)
    {
        foreach (var action in actions)
        {
            if (IsEvent(action))
            {
                throw new ArgumentException("An event is written together with the change that emits it, never on its own.", nameof(actions));
            }
            Together([action]);
        }
        return this;
    }

    /// <summary>The transactions this write submits: its units in order, each whole, packed up to <see cref="MaxActions"/>.</summary>
    public IReadOnlyList<IReadOnlyList<TableTransactionAction>> Transactions()
    {
        var transactions = new List<IReadOnlyList<TableTransactionAction>>();
        var current = new List<TableTransactionAction>();
        foreach (var unit in _units)
        {
            if (current.Count + unit.Count > MaxActions)
            {
                transactions.Add(current);
                current = [];
            }
            current.AddRange(unit);
        }
        if (current.Count > 0)
        {
            transactions.Add(current);
        }
        return transactions;
    }

    /// <summary>
    /// Submits the transactions in order to the tree table, marking the tree as holding pending events (or emails) first
    /// when any transaction adds one (<see cref="PendingTrees"/>, <see cref="Email.EmailOutbox"/>). Stops at the first lost race; other failures throw.
    /// Then tells <see cref="OrgTables.Changes"/> that the tree changed.
    /// </summary>
    public async Task<WriteResult> SubmitAsync(OrgTables tables, CancellationToken cancellationToken)
    {
        var transactions = Transactions();
        if (transactions.Any(PendingTrees.HasEvents))
        {
            await PendingTrees.MarkAsync(tables.Index, partitionKey, cancellationToken);
        }
        if (transactions.Any(Email.EmailOutbox.HasEmails))
        {
            await Email.EmailOutbox.MarkAsync(tables.Index, partitionKey, cancellationToken);
        }
        try
        {
            var offset = 0;
            foreach (var transaction in transactions)
            {
                var result = await SubmitOneAsync(tables.Orgs, transaction, offset, cancellationToken);
                if (!result.Applied)
                {
                    return result;
                }
                offset += transaction.Count;
            }
            return WriteResult.Ok;
        }
        finally
        {
            // Whatever committed (a failure may follow an applied transaction): this process's cached reads of the tree
            // are stale from now on (Access/AccessCache).
            tables.Changes.Committed(partitionKey);
        }
    }

    private static async Task<WriteResult> SubmitOneAsync(TableClient table, IReadOnlyList<TableTransactionAction> transaction, int offset,
        CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(transaction, cancellationToken);
            return WriteResult.Ok;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            return WriteResult.Stale;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // A row the transaction updates or deletes is gone: it was deleted meanwhile, as stale as a changed ETag.
            return WriteResult.Stale;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return WriteResult.Conflict(offset + ex.FailedTransactionActionIndex);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return WriteResult.Stale;
        }
    }

    private void GuardPartition(TableTransactionAction action)
    {
        if (action.Entity.PartitionKey != partitionKey)
        {
            throw new ArgumentException(
                $"An action on partition '{action.Entity.PartitionKey}' can't join a write to partition '{partitionKey}': a transaction stays in one partition.");
        }
    }

    private static bool IsEvent(TableTransactionAction action) => PendingTrees.HasEvents([action]);
}

/// <summary>How a write ended: applied, refused because a row changed (stale ETag), or a key already existed.</summary>
public sealed record WriteResult(bool Applied, bool IsStale, int? ConflictingAction)
{
    public static readonly WriteResult Ok = new(true, false, null);
    public static readonly WriteResult Stale = new(false, true, null);

    /// <summary>A key already existed; <paramref name="index"/> is the refused action's position in the whole write.</summary>
    public static WriteResult Conflict(int? index) => new(false, false, index);
}
