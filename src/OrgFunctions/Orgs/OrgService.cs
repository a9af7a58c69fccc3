using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.ApiKeys;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.FileDrops;
using OrgFunctions.Http;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Orgs;

/// <summary>Reading, changing and deleting orgs, for a caller who must be able to see them.</summary>
public sealed class OrgService(OrgStore store, OrgTables tables, ChildCounts children, EventFactory events,
    FileDropHomes homes, NameReservations reservations, TimeProvider clock)
{
    public static readonly PageLimits Paging = new(DefaultSize: 100, MaxSize: 1000);


    /// <summary>
    /// Applies a patch conditionally: on <paramref name="ifMatch"/> when given (stale → 412), else on the ETag just read,
    /// so a concurrent change is reported (409), never silently overwritten.
    /// </summary>
    public async Task<Outcome<OrgRecord>> UpdateAsync(OrgScope scope, OrgPatch patch, ETag? ifMatch,
        CancellationToken cancellationToken)
    {
        var (caller, current) = (scope.Caller, scope.Org);
        if (ifMatch is { } expected && expected != ETag.All && expected != current.ETag)
        {
            return new Failure.PreconditionFailed();
        }

        var org = current.Org;
        if (org.Status != OrgStatus.Active)
        {
            // Only an active org can change (Org guards it); until provisioning finishes, the orchestration owns the row.
            return new Failure.Conflict($"The org is {org.Status.ToString().ToLowerInvariant()}; it can be changed once it is active.");
        }
        var oldName = org.Name;
        var changes = new JsonObject();
        if (patch.Name is { } name && name.Value != org.Name.Value)
        {
            org.Rename(name);
            changes["name"] = new JsonObject { ["from"] = oldName.Value, ["to"] = name.Value };
        }
        if (patch.HasDescription && patch.Description?.Trim() != org.Description)
        {
            var before = org.Description;
            org.Describe(patch.Description);
            changes["description"] = new JsonObject { ["from"] = before, ["to"] = org.Description };
        }
        if (changes.Count == 0)
        {
            return current;
        }

        var now = clock.GetUtcNow();
        var partition = org.Path.RootId.Value;
        var row = OrgRow.Create(org, current.Settings, now);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, row, current.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.OrgUpdated, org.Id.Value, EventFactory.ActorOf(caller),
                new JsonObject { ["changes"] = changes })),
        };
        // The reservation moves when the name's key changes, and when it was written in the legacy form (ADR 0013).
        var renamed = false;
        if (oldName.Value != org.Name.Value)
        {
            var held = await reservations.HeldAsync(partition, RowKeys.Name(oldName), RowKeys.LegacyName(oldName),
                NameReservations.OrgHolder, org.Id.Value, cancellationToken);
            renamed = held?.RowKey != RowKeys.Name(org.Name);
            if (renamed && await reservations.LegacyTakenAsync(partition, RowKeys.Name(org.Name), RowKeys.LegacyNamesOfTyped(org.Name),
                    NameReservations.OrgHolder, org.Id.Value, cancellationToken))
            {
                return NameTaken;
            }
            if (renamed && held is var (heldKey, heldETag))
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, heldKey), heldETag));
            }
            if (renamed)
            {
                actions.Add(new(TableTransactionActionType.Add, OrgRow.NameReservation(org)));
            }
        }

        var result = await store.SubmitAsync(actions, cancellationToken);
        if (result.IsStale)
        {
            return ifMatch is null
                ? new Failure.Conflict("The org was changed by another request meanwhile; read it again and retry.")
                : new Failure.PreconditionFailed();
        }
        if (!result.Applied)
        {
            return renamed && result.ConflictingAction == actions.Count - 1
                ? NameTaken
                : new Failure.Conflict("The org could not be changed.");
        }
        return (await store.GetAsync(new OrgLocation(org.Id, org.Path), cancellationToken))!;
    }

    private static Failure NameTaken => Failure.Field("name", "is already used by another org of this tree");

    /// <summary>The deletion of the reservation <paramref name="orgId"/> holds for <paramref name="name"/>, in whichever key form it was written.</summary>
    private async Task<TableTransactionAction?> ReleaseNameAsync(string partition, OrgName name, OrgId orgId, CancellationToken cancellationToken)
    {
        var held = await reservations.HeldAsync(partition, RowKeys.Name(name), RowKeys.LegacyName(name), NameReservations.OrgHolder,
            orgId.Value, cancellationToken);
        return held is var (rowKey, etag) ? new(TableTransactionActionType.Delete, new TableEntity(partition, rowKey), etag) : null;
    }

    /// <summary>
    /// Soft-deletes an org, and with <paramref name="cascade"/> its whole subtree, deepest first, in batches that each
    /// hold their orgs' rows, name releases, key revocations and events. A repeated call finishes an interrupted cascade.
    /// </summary>
    public async Task<Outcome<bool>> DeleteAsync(OrgScope scope, bool cascade, CancellationToken cancellationToken)
    {
        var (caller, target) = (scope.Caller, scope.Org);
        if (target.Org.Path == caller.OrgPath)
        {
            return new Failure.Conflict("An org can't delete itself; an admin of an ancestor org can.");
        }

        // Refusing needs one live descendant, not the whole subtree: a big subtree must not be read just to answer 409.
        if (!cascade && await store.HasLiveDescendantAsync(target.Org.Path, cancellationToken))
        {
            return new Failure.Conflict("The org has sub-orgs; delete them first or pass cascade=true.");
        }
        var descendants = new List<OrgRecord>();
        if (cascade)
        {
            await foreach (var org in store.AllDescendantsAsync(target.Org.Path, cancellationToken))
            {
                descendants.Add(org);
            }
        }

        // Deepest first, so an interrupted cascade never leaves a live org under a deleted one; the target last.
        var subtree = new PartitionWrite(target.Org.Path.RootId.Value);
        foreach (var record in descendants.OrderByDescending(o => o.Org.Path.Depth))
        {
            var (revocations, deletion) = await DeleteActionsAsync(caller, record, cancellationToken);
            AddDeletion(subtree, revocations, deletion);
        }
        if (!(await subtree.SubmitAsync(tables, cancellationToken)).Applied)
        {
            return SubtreeChanged;
        }
        var deleted = await DeleteTargetAsync(caller, target, cancellationToken);
        if (deleted.Failure is null)
        {
            // Their SFTP homes go with them, once the deletion is committed (a home left by a crash here only gets refusals).
            await homes.RemoveAfterDeleteAsync(descendants.Select(d => d.Org.Id).Append(target.Org.Id), cancellationToken);
        }
        return deleted;
    }

    private static Failure SubtreeChanged => new Failure.Conflict("An org of the subtree changed meanwhile; retry the delete.");

    /// <summary>
    /// The target's deletion, with its parent's child counter taken down in the same transaction. Losing a race on the
    /// counter (a sibling being provisioned) is retried; a change to the target itself is a conflict.
    /// </summary>
    private async Task<Outcome<bool>> DeleteTargetAsync(Caller caller, OrgRecord target, CancellationToken cancellationToken)
    {
        var location = new OrgLocation(target.Org.Id, target.Org.Path);
        var parent = target.Org.Path.Parent!;
        var etag = target.ETag;
        for (var attempt = 1; ; attempt++)
        {
            var (revocations, deletion) = await DeleteActionsAsync(caller, target, cancellationToken);
            if (await children.ReleaseAsync(parent, cancellationToken) is { } release)
            {
                deletion.Add(release);
            }
            var write = new PartitionWrite(target.Org.Path.RootId.Value);
            AddDeletion(write, revocations, deletion);
            if ((await write.SubmitAsync(tables, cancellationToken)).Applied)
            {
                return true;
            }
            var current = await store.GetAsync(location, cancellationToken);
            if (attempt == ChildCounts.MaxAttempts || current is null || current.ETag != etag)
            {
                return SubtreeChanged;
            }
            target = current;
            await ChildCounts.BackOffAsync(attempt, cancellationToken);
        }
    }

    /// <summary>
    /// An org's deletion commits whole; its key revocations go in the same transaction when they fit, else before it
    /// (a revoked key of a live org is safe, a live key of a deleted org is not).
    /// </summary>
    private static void AddDeletion(PartitionWrite write, List<TableTransactionAction> revocations, List<TableTransactionAction> deletion)
    {
        if (revocations.Count + deletion.Count <= PartitionWrite.MaxActions)
        {
            write.Together([.. revocations, .. deletion]);
        }
        else
        {
            write.Each(revocations).Together(deletion);
        }
    }

    /// <summary>An org's move to Deleted (row, name release, event), and the revocation of its live keys.</summary>
    private async Task<(List<TableTransactionAction> Revocations, List<TableTransactionAction> Deletion)> DeleteActionsAsync(Caller caller,
        OrgRecord record, CancellationToken cancellationToken)
    {
        var org = record.Org;
        var partition = org.Path.RootId.Value;
        var now = clock.GetUtcNow();
        org.Delete();
        List<TableTransactionAction> deletion =
        [
            new(TableTransactionActionType.UpdateReplace, OrgRow.Create(org, record.Settings, now), record.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.OrgDeleted, org.Id.Value, EventFactory.ActorOf(caller),
                new JsonObject { ["name"] = org.Name.Value, ["parentId"] = org.ParentId?.Value })),
        ];
        if (await ReleaseNameAsync(partition, org.Name, org.Id, cancellationToken) is { } release)
        {
            deletion.Insert(1, release);
        }
        // A deleted org's keys stop working with it.
        var revocations = new List<TableTransactionAction>();
        var filter = RowKeys.PrefixFilter(partition, RowKeys.KeyPrefix(org.Id));
        await foreach (var row in tables.Orgs.QueryAsync<ApiKeyEntity>(filter, cancellationToken: cancellationToken))
        {
            var key = ApiKeyRow.Read(row);
            if (!key.Key.IsRevoked)
            {
                key.Key.Revoke(now);
                revocations.Add(new(TableTransactionActionType.UpdateReplace, ApiKeyRow.Create(org.Path, key.Key), key.ETag));
            }
        }
        return (revocations, deletion);
    }

    public async Task<Outcome<ListPage<OrgView>>> ListAsync(OrgScope scope, bool childrenOnly, PageRequest page,
        CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var (orgs, next) = await store.DescendantViewsPageAsync(path, page.Size, page.StorageToken, cancellationToken,
            childrenOnly ? path.Depth + 1 : null);
        return new ListPage<OrgView>(orgs, next);
    }
}
