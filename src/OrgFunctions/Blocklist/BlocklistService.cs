using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Blocklist;

/// <summary>
/// An org's blocklist: list, add, remove, check (this org and its ancestors), and STOP replies. Reads need
/// <c>conversations.read</c> (agents and messaging integrations check senders); changes need <c>settings.manage</c>.
/// </summary>
public sealed class BlocklistService(OrgDataTables tables, BlocklistWriter writer, TimeProvider clock)
{
    public static readonly PageLimits Paging = new(DefaultSize: 100, MaxSize: 1000);

    public async Task<Outcome<ListPage<BlocklistView>>> ListAsync(OrgScope scope, PageRequest request,
        CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope.Org.Org.Id.Value}");
        await foreach (var page in tables.Blocklist.QueryAsync<BlocklistEntity>(filter, request.Size, cancellationToken: cancellationToken)
                           .AsPages(request.StorageToken, request.Size))
        {
            return new ListPage<BlocklistView>(page.Values.Select(r => BlocklistView.From(BlocklistRow.Read(r).Entry)).ToList(), page.ContinuationToken);
        }
        return new ListPage<BlocklistView>([], null);
    }

    public async Task<Outcome<(BlocklistView Entry, bool Created)>> AddAsync(OrgScope scope, BlocklistRequest request,
        CancellationToken cancellationToken)
    {
        var entry = new BlockEntry(request.Channel, request.Identifier, request.Reason, request.Until, clock.GetUtcNow(), "api");
        var (stored, created) = await writer.AddAsync(scope.Org.Org.Path, entry, EventFactory.ActorOf(scope.Caller), cancellationToken);
        return (BlocklistView.From(stored), created);
    }

    public async Task<Outcome<bool>> RemoveAsync(OrgScope scope, string channelName, string identifier, CancellationToken cancellationToken)
    {
        if (!Channels.TryParse(channelName, out var channel) || !ChannelIdentifier.TryNormalise(channel, identifier, out var normalised, out _))
        {
            return new Failure.NotFound("blocklist entry");
        }
        await tables.EnsureCreatedAsync();
        // DeleteEntity succeeds on a missing row, so look first: removing what isn't there is a 404.
        var partition = scope.Org.Org.Id.Value;
        var rowKey = BlocklistRow.RowKey(channel, normalised);
        var row = await tables.Blocklist.GetEntityIfExistsAsync<BlocklistEntity>(partition, rowKey, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return new Failure.NotFound("blocklist entry");
        }
        await tables.Blocklist.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        return true;
    }

    /// <summary>
    /// Blocked when this org or any ancestor has an active entry; the nearest org wins. One point read per org of the
    /// path (depth ≤ 10), in parallel: each org's entries are their own partition.
    /// </summary>
    public async Task<Outcome<BlockCheckView>> CheckAsync(OrgScope scope, string? channelName, string? identifier,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!Channels.TryParse(channelName, out var channel))
        {
            errors.Add("channel", "must be one of " + string.Join(", ", Channels.Names));
        }
        else if (!ChannelIdentifier.TryNormalise(channel, identifier, out identifier, out var error))
        {
            errors.Add("identifier", error);
        }
        if (errors.Any)
        {
            return new Failure.Invalid(errors);
        }
        await tables.EnsureCreatedAsync();
        var rowKey = BlocklistRow.RowKey(channel, identifier!);
        var nearestFirst = scope.Org.Org.Path.Ids.Reverse().ToList();
        var reads = nearestFirst.Select(id => tables.Blocklist.GetEntityIfExistsAsync<BlocklistEntity>(id.Value, rowKey,
            cancellationToken: cancellationToken)).ToList();
        await Task.WhenAll(reads);
        var now = clock.GetUtcNow();
        for (var i = 0; i < nearestFirst.Count; i++)
        {
            var found = reads[i].Result;
            if (found.HasValue && BlocklistRow.Read(found.Value!).Entry is { } entry && entry.IsActiveAt(now))
            {
                return new BlockCheckView(true, nearestFirst[i].Value, entry.Reason, entry.Until);
            }
        }
        return new BlockCheckView(false, null, null, null);
    }

    /// <summary>A received message: a STOP keyword blocks its sender in this org permanently, with reason <c>stop-reply</c>.</summary>
    public async Task<Outcome<InboundView>> InboundAsync(OrgScope scope, InboundRequest request, CancellationToken cancellationToken)
    {
        if (!StopKeywords.IsStop(request.Text))
        {
            return new InboundView(false, null);
        }
        var entry = new BlockEntry(request.Channel, request.From, BlockEntry.StopReplyReason, null, clock.GetUtcNow(), BlockEntry.StopReplyReason);
        var (stored, _) = await writer.AddAsync(scope.Org.Org.Path, entry, EventFactory.ActorOf(scope.Caller), cancellationToken);
        return new InboundView(true, BlocklistView.From(stored));
    }
}

/// <summary>What an inbound message did: <see cref="Stopped"/> when it was a STOP reply, with the entry it made.</summary>
public sealed record InboundView(bool Stopped, BlocklistView? Blocked);
