using System.Security.Cryptography;
using System.Text;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Storage;

/// <summary>
/// RowKeys of the rows that share a tree's partition. Each kind has its own prefix, so each is one key range;
/// nothing user-typed goes into a key unencoded (Table Storage refuses '/', '\', '#', '?' and control characters).
/// </summary>
public static class RowKeys
{
    public const string OrgPrefix = "org:";
    public const string EventPrefix = "evt:";

    // Half of 1 KiB: within the limit whether storage counts characters or UTF-16 bytes.
    private const int MaxReservationLength = 512;

    public static string Org(OrgPath path) => OrgPrefix + path.Value;

    /// <summary>The exclusive upper bound of <paramref name="path"/>'s subtree among org rows.</summary>
    public static string OrgSubtreeEnd(OrgPath path) => OrgPrefix + path.SubtreeUpperBound;

    /// <summary>The counter of an org's live and provisioning children (<see cref="Orgs.ChildCounts"/>).</summary>
    public static string ChildCount(OrgId parentId) => $"children:{parentId}";

    /// <summary>Reserves an org's name in its tree, by its folded form (ADR 0013).</summary>
    public static string Name(OrgName name) => Reservation("name:", name.UniquenessKey);

    /// <summary>The key a reservation of <paramref name="name"/> had before ADR 0013 (see <see cref="NameReservations"/>).</summary>
    public static string LegacyName(OrgName name) => Reservation("name:", name.LegacyUniquenessKey);

    /// <summary>The legacy keys a new <paramref name="name"/> is also checked against (<see cref="OrgName.LegacyKeysOfTyped"/>).</summary>
    public static IEnumerable<string> LegacyNamesOfTyped(OrgName name) => name.LegacyKeysOfTyped.Select(k => Reservation("name:", k));

    public static string RolePrefix(OrgId orgId) => $"role:{orgId}:";
    public static string Role(OrgId orgId, string roleId) => RolePrefix(orgId) + roleId;

    /// <summary>Reserves a custom role's name in its org by its folded form (ADR 0013), written with the role.</summary>
    public static string RoleName(OrgId orgId, Domain.Roles.RoleName name) => Reservation(RoleNamePrefix(orgId), name.UniquenessKey);

    /// <summary>The key a reservation of a role's name had before ADR 0013 (see <see cref="NameReservations"/>).</summary>
    public static string LegacyRoleName(OrgId orgId, Domain.Roles.RoleName name) =>
        Reservation(RoleNamePrefix(orgId), name.LegacyUniquenessKey);

    /// <summary>The legacy keys a new role name is also checked against (<see cref="Domain.Roles.RoleName.LegacyKeysOfTyped"/>).</summary>
    public static IEnumerable<string> LegacyRoleNamesOfTyped(OrgId orgId, Domain.Roles.RoleName name) =>
        name.LegacyKeysOfTyped.Select(k => Reservation(RoleNamePrefix(orgId), k));

    public static string KeyPrefix(OrgId orgId) => $"key:{orgId}:";
    public static string Key(OrgId orgId, string keyId) => KeyPrefix(orgId) + keyId;

    public static string TemplatePrefix(OrgId orgId) => $"tpl:{orgId}:";
    public static string Template(OrgId orgId, string templateId) => TemplatePrefix(orgId) + templateId;

    /// <summary>Reserves a template's name and language in its org, written with the template.</summary>
    public static string TemplateName(OrgId orgId, string uniquenessKey) =>
        TemplateNamePrefix(orgId) + Convert.ToHexString(Encoding.UTF8.GetBytes(uniquenessKey));
    public static string TemplateNamePrefix(OrgId orgId) => $"tname:{orgId}:";

    public static string RoleNamePrefix(OrgId orgId) => $"rname:{orgId}:";

    public static string SenderPrefix(OrgId orgId) => $"sender:{orgId}:";
    public static string Sender(OrgId orgId, string senderId) => SenderPrefix(orgId) + senderId;

    public static string IntegrationPrefix(OrgId orgId) => $"int:{orgId}:";
    public static string Integration(OrgId orgId, string integrationId) => IntegrationPrefix(orgId) + integrationId;

    /// <summary>
    /// A membership is keyed by its org's path, so an org's members and a subtree's are each one range: the org's own
    /// are <see cref="MemberPrefix"/>; with its descendants they are [<c>mbr:{path}</c>, <see cref="MemberSubtreeEnd"/>)
    /// (',' sorts before the path separator '.', and '/' after it).
    /// </summary>
    public static string MemberPrefix(OrgPath path) => $"mbr:{path.Value},";
    public static string Member(OrgPath path, string userId) => MemberPrefix(path) + userId;
    public static string MemberSubtreeStart(OrgPath path) => $"mbr:{path.Value}";
    public static string MemberSubtreeEnd(OrgPath path) => $"mbr:{path.SubtreeUpperBound}";

    public static string InvitationPrefix(OrgId orgId) => $"inv:{orgId}:";
    public static string Invitation(OrgId orgId, string invitationId) => InvitationPrefix(orgId) + invitationId;
    public static string WorkspacePrefix(OrgId orgId) => $"ws:{orgId}:";
    public static string Workspace(OrgId orgId, string workspaceId) => WorkspacePrefix(orgId) + workspaceId;

    /// <summary>Reserves a workspace's name in its org by its folded form, written with the workspace.</summary>
    public static string WorkspaceName(OrgId orgId, Domain.Workspaces.WorkspaceName name) => Reservation(WorkspaceNamePrefix(orgId), name.UniquenessKey);
    public static string WorkspaceNamePrefix(OrgId orgId) => $"wsname:{orgId}:";

    /// <summary>A workspace's members are one range (<c>wsm:{orgId}:{workspaceId}:</c>); each access is also kept under its user.</summary>
    public static string WorkspaceMemberPrefix(OrgId orgId, string workspaceId) => $"wsm:{orgId}:{workspaceId}:";
    public static string WorkspaceMember(OrgId orgId, string workspaceId, string userId) => WorkspaceMemberPrefix(orgId, workspaceId) + userId;

    /// <summary>A user's workspaces in one org are one range (<c>wsu:{orgId}:{userId}:</c>): what removing the user from the org deletes.</summary>
    public static string UserWorkspacePrefix(OrgId orgId, string userId) => $"wsu:{orgId}:{userId}:";
    public static string UserWorkspace(OrgId orgId, string userId, string workspaceId) => UserWorkspacePrefix(orgId, userId) + workspaceId;

    /// <summary>The claim of a provisioning's Idempotency-Key (its instance id is derived from the key).</summary>
    public static string IdempotencyClaim(string instanceId) => $"idem:{instanceId}";

    /// <summary>Outbox rows sort by time, then id; the ticks are zero-padded so the order is numeric.</summary>
    public static string Event(DateTimeOffset occurredAt, string eventId) => $"{EventPrefix}{occurredAt.UtcTicks:D19}:{eventId}";

    /// <summary>
    /// A key reserving a name: the name's UTF-8 in hex, or, when that would make the key longer than
    /// <see cref="MaxReservationLength"/>, its SHA-256 in hex. A key holds at most 1 KiB and hex doubles UTF-8, so a valid
    /// 200-character name in a 3-byte script (1,200 hex digits) would otherwise be refused by storage (a 500 for good input).
    /// The lowercase "sha256-" can't clash with the uppercase hex form.
    /// </summary>
    private static string Reservation(string prefix, string uniquenessKey)
    {
        var bytes = Encoding.UTF8.GetBytes(uniquenessKey);
        var readable = prefix + Convert.ToHexString(bytes);
        return readable.Length <= MaxReservationLength ? readable : prefix + "sha256-" + Convert.ToHexString(SHA256.HashData(bytes));
    }

    /// <summary>The OData filter for the rows of one partition whose RowKey starts with <paramref name="prefix"/>: one range query.</summary>
    public static string PrefixFilter(string partitionKey, string prefix) => Azure.Data.Tables.TableClient.CreateQueryFilter(
        $"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");

    /// <summary>The upper bound of a prefix range: the prefix with its last character bumped by one.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
