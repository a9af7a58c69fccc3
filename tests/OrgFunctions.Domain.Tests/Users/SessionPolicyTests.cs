using OrgFunctions.Domain.Users;

namespace OrgFunctions.Domain.Tests.Users;

public class SessionPolicyTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly SessionPolicy ThirtyMinutesIdleTwelveHours = SessionPolicy.ForOrg(30, TimeSpan.FromHours(12));

    [Fact]
    public void EachUseExtendsTheSessionByTheIdleTimeout()
    {
        var lastUse = SignedIn.AddHours(3);

        Assert.Equal(SessionState.Valid, ThirtyMinutesIdleTwelveHours.StateAt(SignedIn, lastUse, lastUse.AddMinutes(29)));
        Assert.Equal(SessionState.IdleExpired, ThirtyMinutesIdleTwelveHours.StateAt(SignedIn, lastUse, lastUse.AddMinutes(30)));
        Assert.Equal(lastUse.AddMinutes(30), ThirtyMinutesIdleTwelveHours.ExpiresAt(SignedIn, lastUse));
    }

    [Fact]
    public void TheAbsoluteLifetimeCapsASessionInConstantUse()
    {
        var lastUse = SignedIn.AddHours(11).AddMinutes(50);

        Assert.Equal(SessionState.LifetimeExpired, ThirtyMinutesIdleTwelveHours.StateAt(SignedIn, lastUse, SignedIn.AddHours(12)));
        Assert.Equal(SignedIn.AddHours(12), ThirtyMinutesIdleTwelveHours.ExpiresAt(SignedIn, lastUse));
    }

    [Fact]
    public void ALowerTimeoutAppliesToASessionAlreadyUnderway()
    {
        var lastUse = SignedIn.AddMinutes(10);
        var now = lastUse.AddMinutes(20);

        Assert.Equal(SessionState.Valid, ThirtyMinutesIdleTwelveHours.StateAt(SignedIn, lastUse, now));
        Assert.Equal(SessionState.IdleExpired, SessionPolicy.ForOrg(15, TimeSpan.FromHours(12)).StateAt(SignedIn, lastUse, now));
    }

    [Fact]
    public void TimeoutsMustBePositive() =>
        Assert.Throws<DomainException>(() => new SessionPolicy(TimeSpan.Zero, TimeSpan.FromHours(1)));
}
