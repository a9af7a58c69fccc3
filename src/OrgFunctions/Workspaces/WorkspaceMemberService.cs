using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Workspaces;
using OrgFunctions.OrgItems;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;
using OrgFunctions.Users;

namespace OrgFunctions.Workspaces;

/// <summary>A member's access as changed: <see cref="Created"/> when it is new (201), else changed or as it was (200).</summary>
public sealed record WorkspaceAccessChange(WorkspaceAccessRecord Access, bool Created);

/// <summary>
/// Who has access to a workspace, at which level. Only a member of the workspace's org can be given access (anyone
/// else is a 404: the route names no user of the org). Giving access touches the membership row and the workspace row
/// under their ETags in the same transaction, so it can't win against a concurrent removal of the user from the org or
/// a delete of the workspace. An access level is the workspace's own: nothing reads it to grant org permissions.
/// </summary>
public sealed class WorkspaceMemberService(OrgItemStore items, WorkspaceStore workspaces, MembershipStore memberships, OrgStore store,
    EventFactory events, TimeProvider clock)
{
    private const string UserWhat = "user in this org";

    public async Task<Outcome<IReadOnlyList<WorkspaceAccessRecord>>> ListAsync(OrgScope scope, string workspaceId, CancellationToken cancellationToken)
    {
        var found = await items.FindAsync(WorkspaceStore.Kind, scope.Path, workspaceId, null, cancellationToken);
        return found.Failure is { } failure ? failure
            : Outcome<IReadOnlyList<WorkspaceAccessRecord>>.Success(await workspaces.MembersAsync(scope.Path, workspaceId, cancellationToken));
    }

    public async Task<Outcome<WorkspaceAccessChange>> PutAsync(OrgScope scope, string workspaceId, string userId, AccessLevel level,
        CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var found = await items.FindAsync(WorkspaceStore.Kind, path, workspaceId, null, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var workspace = found.Value!;
        var membership = ItemIds.IsWellFormed(userId) ? await memberships.GetAsync(path, userId, cancellationToken) : null;
        if (membership is null)
        {
            return new Failure.NotFound(UserWhat);
        }
        var existing = await workspaces.MemberAsync(path, workspaceId, userId, cancellationToken);
        if (existing?.Level == level)
        {
            return new WorkspaceAccessChange(existing, false);
        }
        var partition = path.RootId.Value;
        var member = WorkspaceRow.Member(path, workspaceId, userId, level, membership.Email, membership.DisplayName,
            existing?.AddedAt ?? clock.GetUtcNow());
        var actions = new List<TableTransactionAction>
        {
            existing is null
                ? new(TableTransactionActionType.Add, member)
                : new(TableTransactionActionType.UpdateReplace, member, existing.ETag),
            new(existing is null ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, WorkspaceRow.OfUser(member, path)),
            // Touched, not changed: a concurrent removal of the user from the org, or delete of the workspace, now fails (or this does).
            new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, RowKeys.Member(path, userId)), membership.ETag),
            new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, RowKeys.Workspace(path.OrgId, workspaceId)), workspace.ETag),
            Event(scope, existing is null ? EventTypes.WorkspaceMemberAdded : EventTypes.WorkspaceMemberChanged,
                new JsonObject { ["workspaceId"] = workspaceId, ["userId"] = userId, ["accessLevel"] = level.ToApi() }),
        };
        var result = await store.SubmitAsync(actions, cancellationToken);
        return result.Applied
            ? new WorkspaceAccessChange(WorkspaceRow.ReadAccess(member), existing is null)
            : new Failure.Conflict("The workspace, the user's membership or their access changed meanwhile; retry.");
    }

    public async Task<Outcome<bool>> RemoveAsync(OrgScope scope, string workspaceId, string userId, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var found = await items.FindAsync(WorkspaceStore.Kind, path, workspaceId, null, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        if (await workspaces.MemberAsync(path, workspaceId, userId, cancellationToken) is not { } existing)
        {
            return new Failure.NotFound("member of this workspace");
        }
        var partition = path.RootId.Value;
        var result = await store.SubmitAsync(
        [
            new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.WorkspaceMember(path.OrgId, workspaceId, userId)), existing.ETag),
            new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.UserWorkspace(path.OrgId, userId, workspaceId)), ETag.All),
            Event(scope, EventTypes.WorkspaceMemberRemoved, new JsonObject { ["workspaceId"] = workspaceId, ["userId"] = userId }),
        ], cancellationToken);
        return result.Applied ? true : new Failure.Conflict("The member's access changed meanwhile; retry.");
    }

    private TableTransactionAction Event(OrgScope scope, string type, JsonObject data) =>
        OutboxRows.Add(scope.TreePartition, events.Create(type, scope.Path.OrgId.Value, EventFactory.ActorOf(scope.Caller), data));
}
