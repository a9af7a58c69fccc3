namespace OrgFunctions.Domain.Roles;

/// <summary>The fixed catalogue of permissions a role can grant; every endpoint declares the one it needs.</summary>
public static class Permission
{
    public const string OrgsRead = "orgs.read";
    public const string OrgsManage = "orgs.manage";
    public const string SettingsManage = "settings.manage";
    public const string UsersManage = "users.manage";
    public const string RolesManage = "roles.manage";
    public const string ApiKeysManage = "apikeys.manage";
    public const string WebhooksManage = "webhooks.manage";
    public const string BillingManage = "billing.manage";
    public const string ConversationsRead = "conversations.read";
    public const string ReportsRead = "reports.read";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        OrgsRead, OrgsManage, SettingsManage, UsersManage, RolesManage, ApiKeysManage,
        WebhooksManage, BillingManage, ConversationsRead, ReportsRead,
    };

    public static bool IsKnown(string permission) => All.Contains(permission);
}
