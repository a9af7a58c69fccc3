using Azure.Data.Tables;
using OrgFunctions.Application;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.OrgItems;
using OrgFunctions.Storage;

namespace OrgFunctions.SenderIds;

/// <summary>Reads the sender IDs of an org (<see cref="OrgItemStore"/>) and the holders of one sender ID in a tree.</summary>
public sealed class SenderIdStore(OrgTables tables, OrgItemStore items)
{
    public static readonly OrgItemKind<SenderIdRecord> Kind = OrgItemKind.Of<SenderIdEntity, SenderIdRecord>("sender ID", RowKeys.SenderPrefix,
        RowKeys.Sender, SenderIdRow.Read, s => s.ETag);

    public Task<SenderIdRecord?> GetAsync(OrgPath org, string senderId, CancellationToken cancellationToken) =>
        SenderIdRow.IsValidId(senderId) ? items.GetAsync(Kind, org, senderId, cancellationToken) : Task.FromResult<SenderIdRecord?>(null);

    /// <summary>One page of the org's sender IDs: one range query.</summary>
    public Task<ListPage<SenderIdRecord>> PageAsync(OrgPath org, PageRequest page, CancellationToken cancellationToken) =>
        items.PageAsync<SenderIdEntity, SenderIdRecord>(Kind, org, page, SenderIdRow.Read, cancellationToken);

    /// <summary>
    /// The rows of every org of the tree that holds <paramref name="senderId"/> (a tree gives an address one id): one range
    /// query over the tree's sender rows.
    /// </summary>
    public async Task<IReadOnlyList<SenderIdEntity>> HoldersAsync(string partition, string senderId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {"sender:"} and RowKey lt {RowKeys.PrefixEnd("sender:")} and SenderId eq {senderId}");
        var holders = new List<SenderIdEntity>();
        await foreach (var row in tables.Orgs.QueryAsync<SenderIdEntity>(filter, cancellationToken: cancellationToken))
        {
            holders.Add(row);
        }
        return holders;
    }

    /// <summary>
    /// The holders below <paramref name="org"/>, deepest first: each sub-org added the sender ID from its parent, so they are
    /// the rows reached from <paramref name="org"/> through <c>AttachedFrom</c>.
    /// </summary>
    public static IReadOnlyList<SenderIdEntity> DescendantsOf(OrgId org, IReadOnlyList<SenderIdEntity> holders)
    {
        var byParent = holders.Where(h => h.AttachedFrom is not null).ToLookup(h => h.AttachedFrom!, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { org.Value };
        var found = new List<SenderIdEntity>();
        var next = new Queue<string>([org.Value]);
        while (next.TryDequeue(out var parent))
        {
            foreach (var holder in byParent[parent].Where(h => seen.Add(h.OrgId)))
            {
                found.Add(holder);
                next.Enqueue(holder.OrgId);
            }
        }
        found.Reverse();
        return found;
    }
}
