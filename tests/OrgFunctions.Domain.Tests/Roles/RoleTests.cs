using OrgFunctions.Domain.Roles;

namespace OrgFunctions.Domain.Tests.Roles;

public class RoleTests
{
    [Fact]
    public void EveryOrgHasTheFiveSystemRoles()
    {
        var names = SystemRoles.Create().Select(r => r.Name.Value);

        Assert.Equal(["Owner", "Admin", "BillingAdmin", "UserAdmin", "Member"], names);
        Assert.All(SystemRoles.Create(), r => Assert.True(r.IsSystem));
    }

    [Fact]
    public void OwnerGrantsEveryPermission()
    {
        var owner = SystemRoles.Create().Single(r => r.Id == SystemRoles.OwnerId);

        Assert.All(Permission.All, p => Assert.True(owner.Grants(p)));
    }

    [Fact]
    public void SystemRolesCantBeChangedOrDeleted()
    {
        var admin = SystemRoles.Create().Single(r => r.Id == SystemRoles.AdminId);

        Assert.Throws<DomainException>(() => admin.Change(RoleName.Create("Boss"), [Permission.OrgsRead]));
        Assert.Throws<DomainException>(() => admin.EnsureCanDelete(inUse: false));
    }

    [Fact]
    public void ACustomRoleInUseCantBeDeleted()
    {
        var role = Role.Custom("r1", RoleName.Create("Agents"), [Permission.ConversationsRead]);

        Assert.Throws<DomainException>(() => role.EnsureCanDelete(inUse: true));
        role.EnsureCanDelete(inUse: false);
    }

    [Fact]
    public void UnknownPermissionsAreRefusedAndNamed()
    {
        var ex = Assert.Throws<UnknownPermissionException>(() =>
            Role.Custom("r1", RoleName.Create("X"), [Permission.OrgsRead, "orgs.destroy", "root"]));

        Assert.Equal(["orgs.destroy", "root"], ex.Permissions);
    }

    [Fact]
    public void ChangeReplacesNameAndPermissionsOfACustomRole()
    {
        var role = Role.Custom("r1", RoleName.Create("Agents"), [Permission.ConversationsRead]);

        role.Change(RoleName.Create("Senior agents"), [Permission.ConversationsRead, Permission.ReportsRead]);

        Assert.Equal("Senior agents", role.Name.Value);
        Assert.True(role.Grants(Permission.ReportsRead));
    }
}
