namespace OrgFunctions.Domain.Roles;

/// <summary>The roles every org has. Their ids are fixed, so "the Admin role of org X" needs no lookup.</summary>
public static class SystemRoles
{
    public const string OwnerId = "owner";
    public const string AdminId = "admin";
    public const string BillingAdminId = "billing-admin";
    public const string UserAdminId = "user-admin";
    public const string MemberId = "member";

    public static IReadOnlyList<Role> Create() =>
    [
        Role.System(OwnerId, "Owner", Permission.All),
        Role.System(AdminId, "Admin", Permission.All.Where(p => p != Permission.BillingManage)),
        Role.System(BillingAdminId, "BillingAdmin", [Permission.OrgsRead, Permission.BillingManage, Permission.ReportsRead]),
        Role.System(UserAdminId, "UserAdmin", [Permission.OrgsRead, Permission.UsersManage, Permission.RolesManage]),
        Role.System(MemberId, "Member", [Permission.OrgsRead, Permission.ConversationsRead]),
    ];

    public static bool IsSystemId(string roleId) =>
        roleId is OwnerId or AdminId or BillingAdminId or UserAdminId or MemberId;
}
