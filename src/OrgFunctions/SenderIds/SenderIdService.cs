using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.SenderIds;
using OrgFunctions.OrgItems;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.SenderIds;

/// <summary>
/// An org's sender IDs. Reading needs <c>orgs.read</c>; changing needs <c>settings.manage</c> (what an org sends from is
/// configuration, as its channels are). A root registers new addresses, each claimed for its tree first
/// (<see cref="SenderClaims"/>); a sub-org adds one its parent holds, under the same id. Removing one that sub-orgs below
/// use is refused unless cascaded. Every change is stored with its events in the tree's partition.
/// </summary>
public sealed class SenderIdService(SenderIdStore store, OrgItemStore items, SenderClaims claims, OrgTables tables, EventFactory events)
{
    public static readonly PageLimits Paging = new(DefaultSize: 100, MaxSize: 1000);

    private static OrgItemKind<SenderIdRecord> Kind => SenderIdStore.Kind;

    public async Task<Outcome<ListPage<SenderIdView>>> ListAsync(OrgScope scope, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await store.PageAsync(scope.Path, page, cancellationToken);
        return new ListPage<SenderIdView>(found.Items.Select(SenderIdView.From).ToList(), found.ContinuationToken);
    }

    public Task<Outcome<SenderIdRecord>> GetAsync(OrgScope scope, string senderId, CancellationToken cancellationToken) =>
        OrgItemChanges.FindAsync(store.GetAsync(scope.Path, senderId, cancellationToken), Kind.What);

    public Task<Outcome<SenderIdRecord>> AddAsync(OrgScope scope, SenderIdRequest request, CancellationToken cancellationToken) =>
        scope.Path.IsRoot
            ? RegisterAsync(scope, request.Address!, request.Description, cancellationToken)
            : AddFromParentAsync(scope, request.Address!, request.Description, cancellationToken);

    /// <summary>A root's new address: claimed for the tree, then written with its event.</summary>
    private async Task<Outcome<SenderIdRecord>> RegisterAsync(OrgScope scope, SenderAddress address, string? description,
        CancellationToken cancellationToken)
    {
        var path = scope.Path;
        if (await claims.ClaimAsync(address, path.RootId, cancellationToken) is not { } id)
        {
            return new Failure.Conflict("Another organisation's tree holds this address; an address belongs to one tree.");
        }
        var sender = SenderId.Register(id, address, description);
        return await items.SaveAsync(Kind, path, id,
        [
            new(TableTransactionActionType.Add, SenderIdRow.Create(path, sender)),
            OutboxRows.Add(path.RootId.Value, Event(EventTypes.SenderIdAdded, path.OrgId, scope, sender)),
        ], null, AlreadyHeld(), cancellationToken);
    }

    /// <summary>
    /// A sub-org's copy of the address its parent holds. The parent's row is rewritten (unchanged, on its ETag) in the same
    /// transaction, so a removal from the parent that read its holders before this copy can't leave the copy behind.
    /// </summary>
    private async Task<Outcome<SenderIdRecord>> AddFromParentAsync(OrgScope scope, SenderAddress address, string? description,
        CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var claim = await claims.FindAsync(address, cancellationToken);
        var parent = claim is not null && claim.RootId == path.RootId.Value
            ? await store.GetAsync(path.Parent!, claim.SenderId, cancellationToken)
            : null;
        if (parent is null)
        {
            return Failure.Field("address", "is not a sender ID of the parent org: a sub-org adds an address its parent holds");
        }
        var sender = parent.SenderId.AttachTo(path.ParentId!.Value.Value, description);
        var partition = path.RootId.Value;
        return await items.SaveAsync(Kind, path, sender.Id,
        [
            new(TableTransactionActionType.Add, SenderIdRow.Create(path, sender)),
            new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, RowKeys.Sender(parent.OrgId, sender.Id)), parent.ETag),
            OutboxRows.Add(partition, Event(EventTypes.SenderIdAdded, path.OrgId, scope, sender)),
        ], null, AlreadyHeld(), cancellationToken);
    }

    public async Task<Outcome<SenderIdRecord>> UpdateAsync(OrgScope scope, string senderId, SenderIdRequest request, ETag? ifMatch,
        CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var found = await OrgItemChanges.FindForChangeAsync(store.GetAsync(path, senderId, cancellationToken), Kind.What, Kind.ETagOf, ifMatch);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        current.SenderId.Describe(request.Description);
        return await items.SaveAsync(Kind, path, senderId,
        [
            new(TableTransactionActionType.UpdateReplace, SenderIdRow.Create(path, current.SenderId), current.ETag),
            OutboxRows.Add(path.RootId.Value, Event(EventTypes.SenderIdUpdated, path.OrgId, scope, current.SenderId)),
        ], ifMatch, AlreadyHeld(), cancellationToken);
    }

    /// <summary>
    /// Removes the sender ID from the org; when sub-orgs below hold it, a 409 unless <paramref name="cascade"/>, which
    /// removes theirs too (deepest first, each with its event). The root's removal frees the address for other trees.
    /// </summary>
    public async Task<Outcome<bool>> RemoveAsync(OrgScope scope, string senderId, bool cascade, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var found = await OrgItemChanges.FindForChangeAsync(store.GetAsync(path, senderId, cancellationToken), Kind.What, Kind.ETagOf, ifMatch);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        var partition = path.RootId.Value;
        var below = SenderIdStore.DescendantsOf(path.OrgId, await store.HoldersAsync(partition, senderId, cancellationToken));
        if (below.Count > 0 && !cascade)
        {
            return new Failure.Conflict(
                $"{below.Count} sub-org(s) use this sender ID; remove it from them first, or remove it with ?cascade=true to remove theirs too.");
        }
        var write = new PartitionWrite(partition);
        foreach (var row in below)
        {
            var held = SenderIdRow.Read(row);
            write.Together(
            [
                new(TableTransactionActionType.Delete, row, row.ETag),
                OutboxRows.Add(partition, Event(EventTypes.SenderIdRemoved, held.OrgId, scope, held.SenderId, removedWith: path.OrgId)),
            ]);
        }
        write.Together(
        [
            new(TableTransactionActionType.Delete, SenderIdRow.Create(path, current.SenderId), current.ETag),
            OutboxRows.Add(partition, Event(EventTypes.SenderIdRemoved, path.OrgId, scope, current.SenderId)),
        ]);
        var result = await write.SubmitAsync(tables, cancellationToken);
        if (OrgItemChanges.Refusal(result, ifMatch, Kind.What, new Failure.Conflict("A holder of the sender ID changed meanwhile; retry.")) is { } refused)
        {
            return refused;
        }
        if (path.IsRoot)
        {
            await claims.ReleaseAsync(current.SenderId.Address, path.RootId, senderId, cancellationToken);
        }
        return true;
    }

    private static Failure AlreadyHeld() => new Failure.Conflict("This org already holds this sender ID.");

    private DomainEvent Event(string type, OrgId orgId, OrgScope scope, SenderId sender, OrgId? removedWith = null)
    {
        var data = new JsonObject
        {
            ["senderId"] = sender.Id,
            ["channel"] = sender.Address.Channel.Name(),
            ["address"] = sender.Address.Value,
            ["description"] = sender.Description,
            ["attachedFrom"] = sender.AttachedFrom,
        };
        if (removedWith is { } from)
        {
            data["removedWith"] = from.Value;
        }
        return events.Create(type, orgId.Value, EventFactory.ActorOf(scope.Caller), data);
    }
}
