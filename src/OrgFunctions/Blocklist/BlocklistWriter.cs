using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Blocklist;

/// <summary>
/// Adds one entry and emits <c>blocklist.added</c>. The entry (Blocklist table, org partition) and the event (Orgs
/// table, tree partition) can't share a transaction, so the row is written first and the event second, with an id and
/// time derived from the stored row (<see cref="OutboxOnce"/>): repeating the add (a client retry, a second STOP)
/// finds the row unchanged and writes the same event row again, which is a no-op if it exists; an add that changes the
/// entry (a STOP on a temporary block) is a new version with its own event. An event is never invented (it is
/// written only after its row). One missed by a crash between the two writes is written by the next add of that sender,
/// or else by <see cref="BlocklistEventSweeper"/> from the mark the add left (<see cref="PendingBlocklistEvents"/>).
/// </summary>
public sealed class BlocklistWriter(OrgDataTables tables, OutboxOnce outbox, PendingBlocklistEvents pending, TimeProvider clock)
{
    public async Task<(BlockEntry Entry, bool Created)> AddAsync(OrgPath org, BlockEntry entry, string actor, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var orgId = org.OrgId.Value;
        var entryKey = BlocklistRow.RowKey(entry.Channel, entry.Identifier);
        var mark = await pending.MarkAsync(org, entryKey, actor, clock.GetUtcNow(), cancellationToken);
        var created = true;
        var stored = entry;
        var changedAt = entry.AddedAt;
        try
        {
            await tables.Blocklist.AddEntityAsync(BlocklistRow.Create(orgId, entry), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            created = false;
            var row = await tables.Blocklist.GetEntityAsync<BlocklistEntity>(orgId, entryKey, cancellationToken: cancellationToken);
            var (existing, etag) = BlocklistRow.Read(row.Value);
            // The sender stays blocked since it was first added; reason, expiry and source take the latest add.
            stored = entry with { AddedAt = existing.AddedAt };
            if (stored == existing)
            {
                changedAt = BlocklistRow.ChangedAt(row.Value);
            }
            else
            {
                await tables.Blocklist.UpdateEntityAsync(BlocklistRow.Create(orgId, stored, changedAt), etag, TableUpdateMode.Replace,
                    cancellationToken);
            }
        }
        await outbox.AddAsync(org.RootId.Value, AddedEvent(org, stored, changedAt, actor), cancellationToken);
        await pending.ClearAsync(orgId, entryKey, mark, cancellationToken);
        return (stored, created);
    }

    public static DomainEvent AddedEvent(OrgPath org, BlockEntry entry, DateTimeOffset changedAt, string actor) => new(
        OutboxOnce.DeterministicId(EventTypes.BlocklistAdded, org.OrgId.Value, BlocklistRow.RowKey(entry.Channel, entry.Identifier),
            changedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        EventTypes.BlocklistAdded, org.OrgId.Value, changedAt, actor,
        new JsonObject
        {
            ["channel"] = entry.Channel.Name(),
            ["identifier"] = entry.Identifier,
            ["reason"] = entry.Reason,
            ["until"] = entry.Until,
            ["source"] = entry.Source,
        });
}
