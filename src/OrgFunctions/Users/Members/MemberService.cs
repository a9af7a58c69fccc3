using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Users;
using OrgFunctions.OrgItems;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Workspaces;

namespace OrgFunctions.Users.Members;

/// <summary>
/// An org's members, administered by a <c>users.manage</c> holder of the org or an ancestor (ADR 0021): list, get,
/// change role or status, remove, unlock. Nobody grants a permission their own role lacks, acts on a member whose role
/// holds one, or changes their own membership's role or status; a root org keeps an active owner
/// (<see cref="LastOwnerGuard"/>). Each change is one transaction conditional on the membership's ETag, with its event.
/// </summary>
public sealed class MemberService(MembershipStore memberships, RoleStore roles, OrgStore store, LastOwnerGuard owners, OrgTables tables,
    WorkspaceAccess workspaces, EventFactory events)
{
    public static readonly PageLimits Paging = new(DefaultSize: 100, MaxSize: 1000);

    private const string What = "user";

    public async Task<Outcome<ListPage<MemberView>>> ListAsync(OrgScope scope, string? includeDescendants, PageRequest page,
        CancellationToken cancellationToken)
    {
        bool subtree;
        switch (includeDescendants)
        {
            case null or "" or "false":
                subtree = false;
                break;
            case "true":
                subtree = true;
                break;
            default:
                return Failure.Field("includeDescendants", "must be true or false");
        }
        var found = await memberships.PageAsync(scope.Path, subtree, page, cancellationToken);
        return new ListPage<MemberView>(found.Items.Select(MemberView.From).ToList(), found.ContinuationToken);
    }

    public async Task<Outcome<MembershipRecord>> GetAsync(OrgScope scope, string userId, CancellationToken cancellationToken) =>
        await FindAsync(scope, userId, cancellationToken) is { } found ? found : new Failure.NotFound(What);

    public async Task<Outcome<MembershipRecord>> PatchAsync(OrgScope scope, string userId, MemberPatch patch, ETag? ifMatch,
        CancellationToken cancellationToken)
    {
        var caller = scope.Caller;
        var found = await OrgItemChanges.FindForChangeAsync(FindAsync(scope, userId, cancellationToken), What, m => m.ETag, ifMatch);
        if (found.Failure is { } missing)
        {
            return missing;
        }
        var current = found.Value!;
        RoleRecord? newRole = null;
        if (patch.RoleId is not null && patch.RoleId != current.Membership.RoleId)
        {
            newRole = await roles.GetAsync(scope.Path, patch.RoleId, cancellationToken);
            if (newRole is null)
            {
                return Failure.Field("roleId", "is not a role of this org");
            }
        }
        var newStatus = patch.Status is { } s && s != current.Membership.Status ? s : (MembershipStatus?)null;
        if (newRole is null && newStatus is null)
        {
            return current;
        }
        if (caller.UserId == userId)
        {
            return new Failure.Forbidden(Permission.UsersManage, "Nobody changes their own role or status; another administrator can.");
        }
        if (await OutrankedAsync(scope, current, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (newRole?.Role.Permissions.FirstOrDefault(p => !caller.Role.Grants(p)) is { } beyond)
        {
            return new Failure.Forbidden(beyond);
        }

        var keeper = LastOwnerGuard.Keeps(current);
        var membership = current.Membership;
        if (newRole is not null)
        {
            membership.ChangeRole(newRole.Role.Id);
        }
        if (newStatus == MembershipStatus.Suspended)
        {
            membership.Suspend();
        }
        else if (newStatus == MembershipStatus.Active)
        {
            membership.Reactivate();
        }

        var partition = scope.TreePartition;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, MembershipRow.Updated(current), current.ETag),
        };
        if (newRole is not null)
        {
            // Touching the role with its ETag makes this change and a concurrent delete of the role exclusive.
            actions.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, RowKeys.Role(scope.Path.OrgId, newRole.Role.Id)),
                newRole.ETag));
        }
        if (keeper && !LastOwnerGuard.Keeps(current))
        {
            if (await owners.TouchAnotherOwnerAsync(current, cancellationToken) is not { } touch)
            {
                return LastOwner;
            }
            actions.Add(touch);
        }
        var data = new JsonObject { ["userId"] = userId };
        if (newRole is not null)
        {
            data["roleId"] = membership.RoleId;
        }
        if (newStatus is not null)
        {
            data["status"] = MembershipRow.StatusName(membership.Status);
        }
        actions.Add(OutboxRows.Add(partition, events.Create(EventTypes.UserUpdated, scope.Path.OrgId.Value, EventFactory.ActorOf(caller), data)));

        var result = await store.SubmitAsync(actions, cancellationToken);
        if (OrgItemChanges.Refusal(result, ifMatch, What, Changed) is { } lost)
        {
            return lost;
        }
        return await FindAsync(scope, userId, cancellationToken) is { } updated ? updated : new Failure.NotFound(What);
    }

    /// <summary>
    /// Ends the membership (not the user: their other memberships and their profile stay). A member may remove
    /// themselves (leave the org), unless they are its last active owner.
    /// </summary>
    public async Task<Outcome<bool>> RemoveAsync(OrgScope scope, string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(scope, userId, cancellationToken) is not { } current)
        {
            return new Failure.NotFound(What);
        }
        if (await OutrankedAsync(scope, current, cancellationToken) is { } refused)
        {
            return refused;
        }
        var partition = scope.TreePartition;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, MembershipRow.Updated(current), current.ETag),
        };
        if (LastOwnerGuard.Keeps(current))
        {
            if (await owners.TouchAnotherOwnerAsync(current, cancellationToken) is not { } touch)
            {
                return LastOwner;
            }
            actions.Add(touch);
        }
        actions.Add(OutboxRows.Add(partition, events.Create(EventTypes.UserRemoved, scope.Path.OrgId.Value, EventFactory.ActorOf(scope.Caller),
            new JsonObject { ["userId"] = userId })));
        // Leaving the org ends the user's workspace access in it: in the same transaction when it fits, else just after
        // it (each pair stands alone, and a workspace change needs the membership row, which is gone by then).
        var access = await workspaces.RemovalActionsAsync(scope.Path, userId, cancellationToken);
        var together = actions.Count + access.Count <= PartitionWrite.MaxActions;
        if (together)
        {
            actions.AddRange(access);
        }
        var result = await store.SubmitAsync(actions, cancellationToken);
        if (OrgItemChanges.Refusal(result, null, What, Changed) is { } lost)
        {
            return lost;
        }
        if (!together)
        {
            await new PartitionWrite(partition).Each(access).SubmitAsync(tables, cancellationToken);
        }
        // The pointer only locates the membership; after the commit, a crash leaves a pointer to nothing, which readers skip.
        await DeletePointerAsync(userId, scope, cancellationToken);
        return true;
    }

    /// <summary>Lifts a lockout (and its count of wrong passwords): <c>user.unlocked</c> when it was locked; otherwise nothing changes.</summary>
    public async Task<Outcome<MembershipRecord>> UnlockAsync(OrgScope scope, string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(scope, userId, cancellationToken) is not { } current)
        {
            return new Failure.NotFound(What);
        }
        if (await OutrankedAsync(scope, current, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!current.Membership.IsLocked)
        {
            return current;
        }
        current.Membership.Unlock();
        var partition = scope.TreePartition;
        var result = await store.SubmitAsync(
        [
            new(TableTransactionActionType.UpdateReplace, MembershipRow.Updated(current), current.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.UserUnlocked, scope.Path.OrgId.Value, EventFactory.ActorOf(scope.Caller),
                new JsonObject { ["userId"] = userId })),
        ], cancellationToken);
        if (OrgItemChanges.Refusal(result, null, What, Changed) is { } lost)
        {
            return lost;
        }
        return await FindAsync(scope, userId, cancellationToken) is { } unlocked ? unlocked : new Failure.NotFound(What);
    }

    private static Failure LastOwner => new Failure.Conflict(
        "This is the last active owner of the root organisation: make another member an owner first.");

    private static Failure Changed => new Failure.Conflict("The membership was changed meanwhile; read it again and retry.");

    private Task<MembershipRecord?> FindAsync(OrgScope scope, string userId, CancellationToken cancellationToken) =>
        ItemIds.IsMinted(userId, "usr_", 32) ? memberships.GetAsync(scope.Path, userId, cancellationToken) : Task.FromResult<MembershipRecord?>(null);

    /// <summary>
    /// A permission the member's current role holds that the caller's own role lacks: acting on such a member (a role
    /// change, a suspension, a removal, an unlock) would be acting above the caller's own rank.
    /// </summary>
    private async Task<Failure?> OutrankedAsync(OrgScope scope, MembershipRecord member, CancellationToken cancellationToken)
    {
        var role = await roles.GetAsync(scope.Path, member.Membership.RoleId, cancellationToken);
        return role?.Role.Permissions.FirstOrDefault(p => !scope.Caller.Role.Grants(p)) is { } held ? new Failure.Forbidden(held) : null;
    }

    private async Task DeletePointerAsync(string userId, OrgScope scope, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Users.DeleteEntityAsync(userId, UserOrgEntity.KeyOf(scope.Path.OrgId.Value), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
