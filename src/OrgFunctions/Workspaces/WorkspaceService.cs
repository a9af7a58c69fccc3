using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Workspaces;
using OrgFunctions.OrgItems;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Workspaces;

/// <summary>
/// An org's workspaces. Names are unique in an org (folded; a reservation row goes in the workspace's transaction).
/// An org always keeps at least one: deleting touches another workspace's row under its ETag in the same transaction,
/// so two deletes of an org's last two workspaces can't both win. Deleting a workspace deletes its members' access.
/// Every change is stored with its event and is conditional on the workspace's ETag.
/// </summary>
public sealed class WorkspaceService(OrgItemStore items, WorkspaceStore workspaces, OrgTables tables, EventFactory events, TimeProvider clock)
{
    private static OrgItemKind<WorkspaceRecord> Kind => WorkspaceStore.Kind;

    public Task<IReadOnlyList<WorkspaceRecord>> ListAsync(OrgScope scope, CancellationToken cancellationToken) =>
        items.ListAsync(Kind, scope.Path, cancellationToken);

    public Task<Outcome<WorkspaceRecord>> GetAsync(OrgScope scope, string workspaceId, CancellationToken cancellationToken) =>
        items.FindAsync(Kind, scope.Path, workspaceId, null, cancellationToken);

    public async Task<Outcome<WorkspaceRecord>> CreateAsync(OrgScope scope, WorkspaceRequest request, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var workspace = Workspace.Create(Workspace.NewId(), request.Name, request.Description, clock.GetUtcNow());
        if (await UnreservedDefaultHoldsAsync(path, workspace, cancellationToken))
        {
            return NameTaken;
        }
        return await items.SaveAsync(Kind, path, workspace.Id,
        [
            new(TableTransactionActionType.Add, WorkspaceRow.Create(path, workspace)),
            new(TableTransactionActionType.Add, WorkspaceRow.NameReservation(path, workspace)),
            Event(scope, EventTypes.WorkspaceCreated, Describe(workspace)),
        ], null, NameTaken, cancellationToken);
    }

    public async Task<Outcome<WorkspaceRecord>> UpdateAsync(OrgScope scope, string workspaceId, WorkspacePatch patch, ETag? ifMatch,
        CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var found = await items.FindAsync(Kind, path, workspaceId, ifMatch, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        var workspace = current.Workspace;
        var oldName = workspace.Name;
        if (patch.Name is { } name)
        {
            workspace.Rename(name);
        }
        if (patch.HasDescription)
        {
            workspace.Describe(patch.Description);
        }
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, WorkspaceRow.Create(path, workspace), current.ETag),
            Event(scope, EventTypes.WorkspaceUpdated, Describe(workspace)),
        };
        if (oldName.UniquenessKey != workspace.Name.UniquenessKey)
        {
            if (await UnreservedDefaultHoldsAsync(path, workspace, cancellationToken))
            {
                return NameTaken;
            }
            actions.AddRange(await ReleaseAsync(path, workspace.Id, oldName, cancellationToken));
            actions.Add(new(TableTransactionActionType.Add, WorkspaceRow.NameReservation(path, workspace)));
        }
        return await items.SaveAsync(Kind, path, workspace.Id, actions, ifMatch, NameTaken, cancellationToken);
    }

    /// <summary>
    /// Deletes the workspace and every member's access to it. The last workspace of an org is a 409; the workspace
    /// deleted and another one touched under their ETags in one transaction make that rule hold under concurrency.
    /// </summary>
    public async Task<Outcome<bool>> DeleteAsync(OrgScope scope, string workspaceId, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var all = await items.ListAsync(Kind, path, cancellationToken);
        if (all.FirstOrDefault(w => w.Workspace.Id == workspaceId) is not { } current)
        {
            return new Failure.NotFound(Kind.What);
        }
        if (all.FirstOrDefault(w => w.Workspace.Id != workspaceId) is not { } other)
        {
            return new Failure.Conflict("The last workspace of an org can't be deleted: every org keeps at least one.");
        }
        var partition = path.RootId.Value;
        var unit = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, WorkspaceRow.Create(path, current.Workspace), current.ETag),
            // Changes nothing but the other workspace's ETag: a concurrent delete of that one fails, so one always stays.
            new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, RowKeys.Workspace(path.OrgId, other.Workspace.Id)), other.ETag),
            Event(scope, EventTypes.WorkspaceDeleted, Describe(current.Workspace)),
        };
        unit.AddRange(await ReleaseAsync(path, workspaceId, current.Workspace.Name, cancellationToken));
        var write = new PartitionWrite(partition).Together(unit);
        foreach (var member in await workspaces.MembersAsync(path, workspaceId, cancellationToken))
        {
            // Each access's two rows go together; past one transaction's worth, after the workspace row (ADR 0025).
            write.Together(
            [
                new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.WorkspaceMember(path.OrgId, workspaceId, member.UserId)), member.ETag),
                new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.UserWorkspace(path.OrgId, member.UserId, workspaceId)), ETag.All),
            ]);
        }
        var result = await write.SubmitAsync(tables, cancellationToken);
        return result.Applied ? true : new Failure.Conflict("The org's workspaces or this one's members changed meanwhile; retry.");
    }

    private static Failure NameTaken => Failure.Field("name", "is already used by another workspace of this org");

    /// <summary>
    /// True when the org's default workspace, written before its name was reserved (sign-ups and provisionings before
    /// ADR 0025), still has the name <paramref name="workspace"/> is to take: only that name can be held without a
    /// reservation, so only it costs a read.
    /// </summary>
    private async Task<bool> UnreservedDefaultHoldsAsync(OrgPath path, Workspace workspace, CancellationToken cancellationToken)
    {
        if (workspace.Id == Workspace.DefaultId || workspace.Name.UniquenessKey != WorkspaceName.Create(Workspace.DefaultName).UniquenessKey)
        {
            return false;
        }
        var stored = await workspaces.GetAsync(path, Workspace.DefaultId, cancellationToken);
        return stored is not null && stored.Workspace.Name.UniquenessKey == workspace.Name.UniquenessKey;
    }

    /// <summary>
    /// The delete of the reservation <paramref name="workspaceId"/> holds for <paramref name="name"/>; for the default
    /// workspace, none when it holds none (one written before ADR 0025 has no reservation, and a batch deleting a missing row fails).
    /// </summary>
    private async Task<IReadOnlyList<TableTransactionAction>> ReleaseAsync(OrgPath path, string workspaceId, WorkspaceName name,
        CancellationToken cancellationToken)
    {
        var key = RowKeys.WorkspaceName(path.OrgId, name);
        if (workspaceId != Workspace.DefaultId)
        {
            // Every other workspace was made by this service, with its reservation: nothing to read.
            return [new(TableTransactionActionType.Delete, new TableEntity(path.RootId.Value, key), ETag.All)];
        }
        var held = await workspaces.ReservationAsync(path.RootId.Value, key, cancellationToken);
        return held is var (holder, etag) && holder == workspaceId
            ? [new(TableTransactionActionType.Delete, new TableEntity(path.RootId.Value, key), etag)]
            : [];
    }

    private TableTransactionAction Event(OrgScope scope, string type, JsonObject data) =>
        OutboxRows.Add(scope.TreePartition, events.Create(type, scope.Path.OrgId.Value, EventFactory.ActorOf(scope.Caller), data));

    private static JsonObject Describe(Workspace workspace) => new()
    {
        ["workspaceId"] = workspace.Id,
        ["name"] = workspace.Name.Value,
        ["description"] = workspace.Description,
    };
}
