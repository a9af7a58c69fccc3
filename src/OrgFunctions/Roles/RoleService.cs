using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.OrgItems;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Roles;

/// <summary>
/// An org's roles. Custom role names are unique in their org (a reservation row goes in the role's transaction);
/// system roles can't be changed or deleted; a role in use can't be deleted. A caller can neither grant nor take
/// away a permission its own role lacks: it can't create or widen a role beyond its own, nor edit or delete one that
/// holds more. Deleting is conditional on the role's
/// ETag, and issuing a key touches the role row, so a key can't be given a role that is being deleted.
/// </summary>
public sealed class RoleService(OrgItemStore items, RoleStore roles, NameReservations reservations, EventFactory events)
{
    private static readonly HashSet<string> SystemNames =
        SystemRoles.Create().Select(r => r.Name.UniquenessKey).ToHashSet(StringComparer.Ordinal);

    private static OrgItemKind<RoleRecord> Kind => RoleStore.Kind;

    public Task<IReadOnlyList<RoleRecord>> ListAsync(OrgScope scope, CancellationToken cancellationToken) =>
        items.ListAsync(Kind, scope.Path, cancellationToken);

    public Task<Outcome<RoleRecord>> GetAsync(OrgScope scope, string roleId, CancellationToken cancellationToken) =>
        items.FindAsync(Kind, scope.Path, roleId, null, cancellationToken);

    public async Task<Outcome<RoleRecord>> CreateAsync(OrgScope scope, RoleRequest request, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        if (Refused(caller, request) is { } refused)
        {
            return refused;
        }
        var role = Role.Custom("role_" + Guid.NewGuid().ToString("N")[..20], request.Name, request.Permissions);
        var partition = path.RootId.Value;
        if (await reservations.LegacyTakenAsync(partition, RowKeys.RoleName(path.OrgId, role.Name),
                RowKeys.LegacyRoleNamesOfTyped(path.OrgId, role.Name), NameReservations.RoleHolder, role.Id, cancellationToken))
        {
            return NameTaken;
        }
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, RoleRow.Create(path, role)),
            new(TableTransactionActionType.Add, RoleRow.NameReservation(partition, RowKeys.RoleName(path.OrgId, role.Name), role.Id)),
            OutboxRows.Add(partition, events.Create(EventTypes.RoleCreated, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(role))),
        };
        return await items.SaveAsync(Kind, path, role.Id, actions, null, NameTaken, cancellationToken);
    }

    public async Task<Outcome<RoleRecord>> ReplaceAsync(OrgScope scope, string roleId, RoleRequest request, ETag? ifMatch,
        CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        var found = await items.FindAsync(Kind, path, roleId, ifMatch, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        var role = current.Role;
        if (role.IsSystem)
        {
            return new Failure.Conflict($"The system role {role.Name} can't be changed.");
        }
        if (Outranks(caller, role) is { } held)
        {
            return new Failure.Forbidden(held);
        }
        if (Refused(caller, request) is { } refused)
        {
            return refused;
        }
        var oldName = role.Name;
        role.Change(request.Name, request.Permissions);

        var partition = path.RootId.Value;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, RoleRow.Create(path, role), current.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.RoleUpdated, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(role))),
        };
        // The reservation moves when the name's key changes, and when it was written in the legacy form (ADR 0013).
        if (oldName.Value != role.Name.Value)
        {
            var move = await reservations.MoveAsync(RowKeys.RoleName(path.OrgId, oldName), RowKeys.LegacyRoleName(path.OrgId, oldName),
                RoleRow.NameReservation(partition, RowKeys.RoleName(path.OrgId, role.Name), role.Id),
                RowKeys.LegacyRoleNamesOfTyped(path.OrgId, role.Name), NameReservations.RoleHolder, role.Id, cancellationToken);
            if (move is null)
            {
                return NameTaken;
            }
            actions.AddRange(move);
        }
        return await items.SaveAsync(Kind, path, role.Id, actions, ifMatch, NameTaken, cancellationToken);
    }

    public async Task<Outcome<bool>> DeleteAsync(OrgScope scope, string roleId, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        var found = await items.FindAsync(Kind, path, roleId, null, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        if (current.Role.IsSystem)
        {
            return new Failure.Conflict($"The system role {current.Role.Name} can't be deleted.");
        }
        if (Outranks(caller, current.Role) is { } held)
        {
            return new Failure.Forbidden(held);
        }
        if (await roles.InUseAsync(path, roleId, cancellationToken))
        {
            return new Failure.Conflict($"The role {current.Role.Name} is in use by an API key or a user.");
        }
        var partition = path.RootId.Value;
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Delete, RoleRow.Create(path, current.Role), current.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.RoleDeleted, path.OrgId.Value, EventFactory.ActorOf(caller), Describe(current.Role))),
        ];
        if (await HeldNameAsync(partition, path.OrgId, current.Role.Name, roleId, cancellationToken) is var (heldKey, heldETag))
        {
            actions.Insert(1, new(TableTransactionActionType.Delete, new TableEntity(partition, heldKey), heldETag));
        }
        return await items.DeleteAsync(actions, "The role changed or came into use meanwhile; retry.", cancellationToken);
    }

    /// <summary>A name or permissions no caller's role may have: a system role's name, a permission beyond the caller's own.</summary>
    private static Failure? Refused(Caller caller, RoleRequest request) =>
        SystemNames.Contains(request.Name.UniquenessKey) ? Failure.Field("name", "is the name of a system role")
        : Beyond(caller, request) is { } missing ? new Failure.Forbidden(missing)
        : null;

    private static Failure NameTaken => Failure.Field("name", "is already used by another role of this org");

    /// <summary>The reservation a role holds for its name, in whichever key form it was written (ADR 0013).</summary>
    private Task<(string RowKey, ETag ETag)?> HeldNameAsync(string partition, Domain.Orgs.OrgId orgId, RoleName name, string roleId,
        CancellationToken cancellationToken) =>
        reservations.HeldAsync(partition, RowKeys.RoleName(orgId, name), RowKeys.LegacyRoleName(orgId, name), NameReservations.RoleHolder,
            roleId, cancellationToken);

    /// <summary>A permission the request grants that the caller's own role lacks: a role can't be used to escalate.</summary>
    private static string? Beyond(Caller caller, RoleRequest request) => request.Permissions.FirstOrDefault(p => !caller.Role.Grants(p));

    /// <summary>
    /// A permission the role holds that the caller's own role lacks: editing or deleting such a role would let the
    /// caller take that permission away from whoever holds the role (a demotion above the caller's own rank).
    /// </summary>
    private static string? Outranks(Caller caller, Role role) => role.Permissions.FirstOrDefault(p => !caller.Role.Grants(p));

    private static JsonObject Describe(Role role) => new()
    {
        ["roleId"] = role.Id,
        ["name"] = role.Name.Value,
        ["permissions"] = new JsonArray(role.Permissions.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
    };
}
