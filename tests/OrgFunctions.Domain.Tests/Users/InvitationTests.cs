using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;

namespace OrgFunctions.Domain.Tests.Users;

public class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private static Invitation Sent(int days = 7) => Invitation.Create("inv_1", OrgId.Parse("abcdefghijklmnopqrst"),
        EmailAddress.Create("new@example.com"), "role_agent", "usr_admin", Now, TimeSpan.FromDays(days));

    [Theory]
    [InlineData(null, 7)]
    [InlineData(1, 1)]
    [InlineData(30, 30)]
    public void LastsSevenDaysUnlessToldUpToThirty(int? days, int expected)
    {
        Assert.True(Invitation.TryLifetime(days, out var lifetime, out _));
        Assert.Equal(TimeSpan.FromDays(expected), lifetime);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-1)]
    public void RefusesALifetimeOutsideOneToThirtyDays(int days)
    {
        Assert.False(Invitation.TryLifetime(days, out _, out var error));
        Assert.Equal("must be from 1 to 30", error);
        Assert.Throws<DomainException>(() => Sent(days));
    }

    [Fact]
    public void IsPendingUntilItsExpiryThenReadsExpired()
    {
        var invitation = Sent();

        Assert.Equal(InvitationStatus.Pending, invitation.StatusAt(Now.AddDays(7).AddTicks(-1)));
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(Now.AddDays(7)));
        Assert.Throws<DomainException>(() => invitation.Accept(Now.AddDays(7)));
    }

    [Fact]
    public void AcceptingIsFinal()
    {
        var invitation = Sent();
        invitation.Accept(Now.AddHours(1));

        Assert.Equal(InvitationStatus.Accepted, invitation.StatusAt(Now.AddDays(30)));
        Assert.Throws<DomainException>(() => invitation.Accept(Now.AddHours(2)));
        Assert.Throws<DomainException>(invitation.Revoke);
        Assert.Throws<DomainException>(() => invitation.Resend(Now.AddHours(2)));
    }

    [Fact]
    public void ARevokedInvitationCantBeAccepted()
    {
        var invitation = Sent();
        invitation.Revoke();

        Assert.Equal(InvitationStatus.Revoked, invitation.StatusAt(Now));
        Assert.Throws<DomainException>(() => invitation.Accept(Now));
    }

    [Fact]
    public void AResendGivesAnExpiredInvitationAFreshExpiryOfTheSameLengthEachTime()
    {
        var invitation = Sent(days: 3);

        invitation.Resend(Now.AddDays(5));
        invitation.Resend(Now.AddDays(6));

        Assert.Equal(Now.AddDays(9), invitation.ExpiresAt);
        Assert.Equal(InvitationStatus.Pending, invitation.StatusAt(Now.AddDays(8)));
    }
}
