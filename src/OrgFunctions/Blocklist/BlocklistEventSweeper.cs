using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Blocklist;

/// <summary>
/// Finishes blocklist adds that a crash stopped between the entry and its event: for each mark older than any add takes,
/// the entry as stored gets its <c>blocklist.added</c> (same id as the add would have written, so never twice); a mark
/// whose entry was never written is only cleared (no event is invented).
/// </summary>
public sealed class BlocklistEventSweeper(OrgDataTables tables, PendingBlocklistEvents pending, OutboxOnce outbox, TimeProvider clock,
    ILogger<BlocklistEventSweeper> logger)
{
    /// <summary>Longer than an add takes from its mark to its event.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private const int MarksPerRun = 1000;

    /// <summary>Returns how many events were written.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var mark in await pending.ListAsync(MarksPerRun, cancellationToken))
        {
            if (mark.MarkedAt is { } at && now - at < Grace)
            {
                continue;
            }
            if (!TryReadPath(mark.OrgPath, out var org))
            {
                // A mark no add could have written must not stop every later sweep: cleared, and said.
                logger.LogWarning("A blocklist event mark with an unreadable org path was cleared (row {RowKey})", mark.RowKey);
                await pending.ClearRowAsync(mark.RowKey, mark.ETag, cancellationToken);
                continue;
            }
            var entryKey = mark.EntryKey;
            var row = await tables.Blocklist.GetEntityIfExistsAsync<BlocklistEntity>(org.OrgId.Value, entryKey, cancellationToken: cancellationToken);
            if (row.HasValue)
            {
                var entry = BlocklistRow.Read(row.Value!).Entry;
                var e = BlocklistWriter.AddedEvent(org, entry, BlocklistRow.ChangedAt(row.Value!), mark.Actor ?? "system:blocklist");
                written += await outbox.AddAsync(org.RootId.Value, e, cancellationToken) ? 1 : 0;
            }
            await pending.ClearAsync(org.OrgId.Value, entryKey, mark.ETag, cancellationToken);
        }
        if (written > 0)
        {
            logger.LogWarning("Wrote {Count} blocklist.added event(s) that interrupted adds had left unwritten.", written);
        }
        return written;
    }

    private static bool TryReadPath(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OrgPath? path)
    {
        try
        {
            path = OrgPath.Parse(value ?? "");
            return true;
        }
        catch (Domain.DomainException)
        {
            path = null;
            return false;
        }
    }
}
