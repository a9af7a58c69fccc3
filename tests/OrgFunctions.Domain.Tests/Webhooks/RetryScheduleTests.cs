using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class RetryScheduleTests
{
    [Fact]
    public void TheDefaultScheduleIsImmediately5s5m30m2h5h10h10h()
    {
        Assert.Equal(RetrySchedule.Parse("0, 5s, 5m, 30m, 2h, 5h, 10h, 10h").Delays, RetrySchedule.Default.Delays);
        Assert.Equal(8, RetrySchedule.Default.MaxAttempts);
    }

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(0.5, 5.0)]
    [InlineData(0.999999, 6.0)]
    public void JitterStaysWithinTwentyPercent(double random, double expectedSeconds)
    {
        var delay = RetrySchedule.Default.DelayAfter(1, null, random)!.Value;

        Assert.Equal(expectedSeconds, delay.TotalSeconds, 3);
    }

    [Fact]
    public void RetryAfterIsAMinimumAndNeverBeyondADay()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), RetrySchedule.Default.DelayAfter(1, TimeSpan.FromMinutes(2), 0.5));
        Assert.Equal(TimeSpan.FromMinutes(5), RetrySchedule.Default.DelayAfter(2, TimeSpan.FromSeconds(1), 0.5));
        Assert.Equal(RetrySchedule.MaxDelay, RetrySchedule.Default.DelayAfter(1, TimeSpan.FromDays(3), 0.5));
    }

    [Fact]
    public void NoDelayIsLeftAfterTheLastAttempt()
    {
        var schedule = RetrySchedule.Parse("0 1s 1s");

        Assert.NotNull(schedule.DelayAfter(2, null, 0.5));
        Assert.Null(schedule.DelayAfter(3, null, 0.5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5x")]
    [InlineData("2d")]
    [InlineData("-1")]
    public void InvalidSchedulesAreRefused(string text) =>
        Assert.Throws<DomainException>(() => RetrySchedule.Parse(text));

    [Fact]
    public void TimeSpanNotationIsAccepted() =>
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(5)], RetrySchedule.Parse("00:00:00,00:00:05").Delays);
}
