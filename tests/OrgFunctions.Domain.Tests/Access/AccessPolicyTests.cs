using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;

namespace OrgFunctions.Domain.Tests.Access;

public class AccessPolicyTests
{
    private static readonly OrgPath Root = OrgPath.Root(OrgId.New());
    private static readonly OrgPath Region = Root.Child(OrgId.New());
    private static readonly OrgPath Sibling = Root.Child(OrgId.New());
    private static readonly OrgPath Branch = Region.Child(OrgId.New());
    private static readonly OrgPath OtherRoot = OrgPath.Root(OrgId.New());

    private static Role RoleById(string id) => SystemRoles.Create().Single(r => r.Id == id);

    [Fact]
    public void ACallerActsOnItsOwnOrgAndEveryDescendant()
    {
        var caller = new Caller("k", Region, RoleById(SystemRoles.AdminId));

        Assert.Equal(AccessDecision.Allowed, AccessPolicy.Decide(caller, Region, Permission.OrgsManage));
        Assert.Equal(AccessDecision.Allowed, AccessPolicy.Decide(caller, Branch, Permission.OrgsManage));
    }

    [Fact]
    public void SiblingsAncestorsAndOtherRootsAreNotVisibleWhateverTheRole()
    {
        var caller = new Caller("k", Region, RoleById(SystemRoles.OwnerId));

        Assert.Equal(AccessDecision.NotVisible, AccessPolicy.Decide(caller, Sibling, Permission.OrgsRead));
        Assert.Equal(AccessDecision.NotVisible, AccessPolicy.Decide(caller, Root, Permission.OrgsRead));
        Assert.Equal(AccessDecision.NotVisible, AccessPolicy.Decide(caller, OtherRoot, Permission.OrgsRead));
        Assert.Equal(AccessDecision.NotVisible, AccessPolicy.Decide(caller, Sibling.Child(OrgId.New()), Permission.OrgsRead));
    }

    [Fact]
    public void AVisibleOrgWithoutThePermissionIsForbidden()
    {
        var caller = new Caller("k", Region, RoleById(SystemRoles.MemberId));

        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(caller, Branch, Permission.OrgsManage));
        Assert.Equal(AccessDecision.Allowed, AccessPolicy.Decide(caller, Branch, Permission.OrgsRead));
    }
}
