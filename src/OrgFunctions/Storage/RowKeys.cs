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

    public static string Org(OrgPath path) => OrgPrefix + path.Value;

    /// <summary>The exclusive upper bound of <paramref name="path"/>'s subtree among org rows.</summary>
    public static string OrgSubtreeEnd(OrgPath path) => OrgPrefix + path.SubtreeUpperBound;

    public static string Name(OrgName name) => "name:" + Convert.ToHexString(Encoding.UTF8.GetBytes(name.UniquenessKey));

    public static string RolePrefix(OrgId orgId) => $"role:{orgId}:";
    public static string Role(OrgId orgId, string roleId) => RolePrefix(orgId) + roleId;

    /// <summary>Reserves a custom role's name in its org (case-insensitive), written with the role.</summary>
    public static string RoleName(OrgId orgId, Domain.Roles.RoleName name) =>
        $"rname:{orgId}:" + Convert.ToHexString(Encoding.UTF8.GetBytes(name.Value.ToUpperInvariant()));

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

    public static string User(OrgId orgId, string userId) => $"user:{orgId}:{userId}";
    public static string Workspace(OrgId orgId, string workspaceId) => $"ws:{orgId}:{workspaceId}";

    /// <summary>Outbox rows sort by time, then id; the ticks are zero-padded so the order is numeric.</summary>
    public static string Event(DateTimeOffset occurredAt, string eventId) => $"{EventPrefix}{occurredAt.UtcTicks:D19}:{eventId}";

    /// <summary>The upper bound of a prefix range: the prefix with its last character bumped by one.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
