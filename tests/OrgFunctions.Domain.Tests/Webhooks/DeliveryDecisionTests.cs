using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class DeliveryDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Schedule = RetrySchedule.Parse("0 1s 1s");

    private static AttemptResult Attempt(int n, int? status, TimeSpan? retryAfter = null, string? error = null) =>
        new(n, Now, TimeSpan.FromMilliseconds(10), status, error, retryAfter);

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(299)]
    public void A2xxEndsTheDelivery(int status) =>
        Assert.IsType<DeliveryDecision.Done>(DeliveryDecision.After(Attempt(1, status), Schedule, 0.5));

    [Theory]
    [InlineData(500)]
    [InlineData(302)]
    [InlineData(404)]
    [InlineData(null)]
    public void AnythingElseIsRetriedAsTheNextAttempt(int? status)
    {
        var decision = DeliveryDecision.After(Attempt(1, status, error: status is null ? "timeout" : null), Schedule, 0.5);

        var retry = Assert.IsType<DeliveryDecision.Retry>(decision);
        Assert.Equal(2, retry.NextAttempt);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
    }

    [Fact]
    public void A410DisablesInsteadOfRetrying() =>
        Assert.IsType<DeliveryDecision.EndpointGone>(DeliveryDecision.After(Attempt(1, 410), Schedule, 0.5));

    [Fact]
    public void RetryAfterCountsOnlyOn429And503()
    {
        var wait = TimeSpan.FromSeconds(30);

        Assert.Equal(wait, Assert.IsType<DeliveryDecision.Retry>(DeliveryDecision.After(Attempt(1, 429, wait), Schedule, 0.5)).Delay);
        Assert.Equal(wait, Assert.IsType<DeliveryDecision.Retry>(DeliveryDecision.After(Attempt(1, 503, wait), Schedule, 0.5)).Delay);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<DeliveryDecision.Retry>(DeliveryDecision.After(Attempt(1, 500, wait), Schedule, 0.5)).Delay);
    }

    [Fact]
    public void AfterTheLastAttemptItGivesUpWithTheReason()
    {
        var giveUp = Assert.IsType<DeliveryDecision.GiveUp>(DeliveryDecision.After(Attempt(3, 500), Schedule, 0.5));

        Assert.Equal(DeliveryDecision.AttemptsExhausted, giveUp.Reason);
        Assert.Contains("HTTP 500", giveUp.Description);
    }

    [Fact]
    public void FiveDaysOfFailuresDisable()
    {
        Assert.False(FailureStreak.ShouldDisable(null, Now));
        Assert.False(FailureStreak.ShouldDisable(Now.AddDays(-4.9), Now));
        Assert.True(FailureStreak.ShouldDisable(Now.AddDays(-5), Now));
    }

    [Fact]
    public void FinalStatusesAreSucceededFailedAndCancelled()
    {
        Assert.Equal([DeliveryStatus.Succeeded, DeliveryStatus.Failed, DeliveryStatus.Cancelled],
            Enum.GetValues<DeliveryStatus>().Where(s => s.IsFinal()));
        Assert.True(DeliveryStatusNames.TryParse("retrying", out var status));
        Assert.Equal(DeliveryStatus.Retrying, status);
        Assert.False(DeliveryStatusNames.TryParse("2", out _));
    }
}
