using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;

namespace OrgFunctions.Domain.Tests.Users;

public class MembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static Membership NewMember() => Membership.Join("usr_1", OrgId.Parse("abcdefghijklmnopqrst"), "role_agent");

    [Fact]
    public void TheLastOfTheOrgsTriesLocksWhenItsPasswordIsWrong()
    {
        var member = NewMember();
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(SignInAdmission.Admitted, member.Admit(3, Now));
            Assert.Equal(i == 3, member.PasswordRejected(3, Now));
        }

        Assert.True(member.IsLocked);
        Assert.Equal(SignInAdmission.Locked, member.Admit(3, Now));
        Assert.Equal(3, member.TriesSinceSuccess);
    }

    [Fact]
    public void ManyTriesAtOnceAdmitOnlyTheOrgsNumberAndLockTheRestUnchecked()
    {
        var member = NewMember();

        var admissions = Enumerable.Range(0, 50).Select(_ => member.Admit(5, Now)).ToList();

        Assert.Equal(5, admissions.Count(a => a == SignInAdmission.Admitted));
        Assert.All(admissions.Skip(5), a => Assert.Equal(SignInAdmission.Locked, a));
        Assert.Equal(5, member.TriesSinceSuccess);
    }

    [Fact]
    public void ARightPasswordStartsTheCountAgain()
    {
        var member = NewMember();
        member.Admit(3, Now);
        member.PasswordRejected(3, Now);
        member.Admit(3, Now);
        member.PasswordRejected(3, Now);

        member.Admit(3, Now);
        member.PasswordAccepted();

        Assert.Equal(0, member.TriesSinceSuccess);
        Assert.False(member.IsLocked);
    }

    [Fact]
    public void ARightPasswordCheckedAfterALockStillCantSignIn()
    {
        var member = NewMember();
        member.Admit(1, Now);
        Assert.Equal(SignInAdmission.Locked, member.Admit(1, Now));

        Assert.Throws<DomainException>(member.PasswordAccepted);
    }

    [Fact]
    public void UnlockingLiftsTheLockAndTheCount()
    {
        var member = NewMember();
        member.Admit(1, Now);
        member.PasswordRejected(1, Now);

        Assert.True(member.Unlock());

        Assert.False(member.IsLocked);
        Assert.Equal(SignInAdmission.Admitted, member.Admit(1, Now));
        Assert.False(NewMember().Unlock());
    }

    [Fact]
    public void ASuspendedMemberIsRefusedBeforeAnyTryIsCounted()
    {
        var member = NewMember();
        member.Suspend();

        Assert.Equal(SignInAdmission.Suspended, member.Admit(5, Now));
        Assert.Equal(0, member.TriesSinceSuccess);
        member.Reactivate();
        Assert.Equal(SignInAdmission.Admitted, member.Admit(5, Now));
    }

    [Fact]
    public void LoweringTheOrgsLimitLocksAtTheNextTry()
    {
        var member = NewMember();
        member.Admit(5, Now);
        member.PasswordRejected(5, Now);
        member.Admit(5, Now);
        member.PasswordRejected(5, Now);

        Assert.Equal(SignInAdmission.Locked, member.Admit(2, Now));
    }

    [Fact]
    public void AMembershipNeedsARoleAndALimitOfAtLeastOne()
    {
        Assert.Throws<DomainException>(() => Membership.Join("usr_1", OrgId.Parse("abcdefghijklmnopqrst"), " "));
        Assert.Throws<DomainException>(() => NewMember().Admit(0, Now));
        Assert.Throws<DomainException>(() => NewMember().ChangeRole(""));
    }
}
