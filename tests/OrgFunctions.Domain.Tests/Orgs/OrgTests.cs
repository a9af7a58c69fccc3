using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Tests.Orgs;

public class OrgTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static Org Root() => Org.CreateRoot(OrgId.New(), OrgName.Create("Acme"), Now);

    [Fact]
    public void ARootIsActiveAtOnceAndAChildStartsProvisioning()
    {
        var root = Root();
        var child = Org.CreateChild(root, OrgId.New(), OrgName.Create("Acme EU"), " Europe ", Now);

        Assert.Equal(OrgStatus.Active, root.Status);
        Assert.Equal(OrgStatus.Provisioning, child.Status);
        Assert.Equal(root.Id, child.ParentId);
        Assert.Equal("Europe", child.Description);
    }

    [Fact]
    public void ActivateOnlyFromProvisioning()
    {
        var child = Org.CreateChild(Root(), OrgId.New(), OrgName.Create("EU"), null, Now);

        child.Activate();

        Assert.Equal(OrgStatus.Active, child.Status);
        Assert.Throws<DomainException>(child.Activate);
    }

    [Fact]
    public void ADeletedOrgCantBeChangedDeletedAgainOrParentAChild()
    {
        var root = Root();
        root.Delete();

        Assert.Throws<DomainException>(() => root.Rename(OrgName.Create("New")));
        Assert.Throws<DomainException>(root.Delete);
        Assert.Throws<DomainException>(() => Org.CreateChild(root, OrgId.New(), OrgName.Create("EU"), null, Now));
    }

    [Fact]
    public void AFailedProvisioningCanBeDeleted()
    {
        var child = Org.CreateChild(Root(), OrgId.New(), OrgName.Create("EU"), null, Now);

        child.Delete();

        Assert.Equal(OrgStatus.Deleted, child.Status);
    }

    [Fact]
    public void DescriptionIsLimitedAndEmptyBecomesNull()
    {
        var root = Root();

        root.Describe("   ");
        Assert.Null(root.Description);
        Assert.Throws<DomainException>(() => root.Describe(new string('d', 1001)));
    }

    [Fact]
    public void DescriptionMayHoldLineBreaksButNoControlOrBidiOverrideCharacters()
    {
        var root = Root();

        root.Describe("Head office.\nSecond line.");
        Assert.Equal("Head office.\nSecond line.", root.Description);
        Assert.Throws<DomainException>(() => root.Describe("nul\u0000"));
        Assert.Throws<DomainException>(() => root.Describe("bidi\u202Etxt"));
        Assert.Throws<DomainException>(() => root.Describe("c1\u009B"));
    }
}
