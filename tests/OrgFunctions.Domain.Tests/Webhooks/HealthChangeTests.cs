using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

/// <summary>Only transitions change a subscription's health: the common outcomes write nothing.</summary>
public class HealthChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan DisableAfter = TimeSpan.FromDays(5);
    private static readonly DeliveryDecision Success = new DeliveryDecision.Done();
    private static readonly DeliveryDecision Failure = new DeliveryDecision.Retry(2, TimeSpan.FromSeconds(5));

    [Fact]
    public void ASuccessWithoutAStreakAndAFailureInsideAYoungStreakChangeNothing()
    {
        Assert.Equal(HealthChange.None, HealthChanges.After(Success, null, Now, DisableAfter));
        Assert.Equal(HealthChange.None, HealthChanges.After(Failure, Now.AddDays(-1), Now, DisableAfter));
        Assert.Equal(HealthChange.None, HealthChanges.After(new DeliveryDecision.GiveUp("r", "d"), Now.AddDays(-4), Now, DisableAfter));
    }

    [Fact]
    public void ASuccessEndsAStreakAndAFirstFailureStartsOne()
    {
        Assert.Equal(HealthChange.EndStreak, HealthChanges.After(Success, Now.AddHours(-1), Now, DisableAfter));
        Assert.Equal(HealthChange.StartStreak, HealthChanges.After(Failure, null, Now, DisableAfter));
    }

    [Fact]
    public void A410OrAStreakAsOldAsTheLimitDisables()
    {
        Assert.Equal(HealthChange.DisableGone, HealthChanges.After(new DeliveryDecision.EndpointGone(), null, Now, DisableAfter));
        Assert.Equal(HealthChange.DisableFailing, HealthChanges.After(Failure, Now - DisableAfter, Now, DisableAfter));
        Assert.Equal(HealthChange.None, HealthChanges.After(Failure, Now - DisableAfter + TimeSpan.FromMinutes(1), Now, DisableAfter));
    }
}
