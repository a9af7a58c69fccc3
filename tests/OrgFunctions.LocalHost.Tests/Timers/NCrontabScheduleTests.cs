using OrgFunctions.LocalHost.Timers;

namespace OrgFunctions.LocalHost.Tests.Timers;

public sealed class NCrontabScheduleTests
{
    private static DateTime Utc(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static DateTime? Next(string expression, string after) => NCrontabSchedule.Parse(expression).GetNextOccurrence(Utc(after));

    [Theory]
    [InlineData("* * * * * *", "2030-01-01T00:00:00", "2030-01-01T00:00:01")]
    [InlineData("0 */5 * * * *", "2030-01-01T00:03:10", "2030-01-01T00:05:00")]
    [InlineData("0 */5 * * * *", "2030-01-01T00:05:00", "2030-01-01T00:10:00")]
    [InlineData("0 0 * * * *", "2030-01-01T10:00:00", "2030-01-01T11:00:00")]
    [InlineData("30 15 9 * * *", "2030-01-01T09:15:29.900", "2030-01-01T09:15:30")]
    [InlineData("30 15 9 * * *", "2030-01-01T09:15:30", "2030-01-02T09:15:30")]
    [InlineData("0 0 0 1 * *", "2030-01-31T12:00:00", "2030-02-01T00:00:00")]
    [InlineData("0 0 0 31 * *", "2030-02-01T00:00:00", "2030-03-31T00:00:00")]
    [InlineData("0 0 12 29 2 *", "2030-03-01T00:00:00", "2032-02-29T12:00:00")]
    [InlineData("0 0 9 * * MON-FRI", "2030-01-05T10:00:00", "2030-01-07T09:00:00")] // Saturday → Monday
    [InlineData("0 0 9 * * 1-5", "2030-01-04T08:00:00", "2030-01-04T09:00:00")]   // Friday
    [InlineData("0 0 9 * * SUN", "2030-01-01T00:00:00", "2030-01-06T09:00:00")]
    [InlineData("0 0 9 * * 0", "2030-01-01T00:00:00", "2030-01-06T09:00:00")]
    [InlineData("0 0 0 * JAN,jul *", "2030-02-01T00:00:00", "2030-07-01T00:00:00")]
    [InlineData("0 0 0 1 DEC *", "2030-12-01T00:00:00", "2031-12-01T00:00:00")]
    [InlineData("5,10,50 * * * * *", "2030-01-01T00:00:10", "2030-01-01T00:00:50")]
    [InlineData("10-20/5 * * * * *", "2030-01-01T00:00:16", "2030-01-01T00:00:20")]
    [InlineData("10-20/5 * * * * *", "2030-01-01T00:00:20", "2030-01-01T00:01:10")]
    [InlineData("45/5 * * * * *", "2030-01-01T00:00:56", "2030-01-01T00:01:45")]
    [InlineData("0 30 23 31 12 *", "2030-12-31T23:30:00", "2031-12-31T23:30:00")]
    [InlineData("0 0 0 13 * FRI", "2030-01-01T00:00:00", "2030-09-13T00:00:00")] // both must match (NCrontab)
    [InlineData("  0  0  *  *  *  *  ", "2030-01-01T00:00:00", "2030-01-01T01:00:00")]
    public void NextOccurrenceIsTheFirstMatchingSecondAfterTheGivenTime(string expression, string after, string expected) =>
        Assert.Equal(Utc(expected), Next(expression, after));

    [Fact]
    public void NextOccurrenceIsUtc() => Assert.Equal(DateTimeKind.Utc, Next("0 * * * * *", "2030-01-01T00:00:00")!.Value.Kind);

    [Fact]
    public void AnExpressionThatNeverMatchesHasNoNextOccurrence() => Assert.Null(Next("0 0 0 30 2 *", "2030-01-01T00:00:00"));

    [Theory]
    [InlineData("")]
    [InlineData("* * * * *")]                  // five fields: Functions needs seconds
    [InlineData("* * * * * * *")]
    [InlineData("60 * * * * *")]
    [InlineData("* 60 * * * *")]
    [InlineData("* * 24 * * *")]
    [InlineData("* * * 0 * *")]
    [InlineData("* * * 32 * *")]
    [InlineData("* * * * 13 *")]
    [InlineData("* * * * * 7")]
    [InlineData("* * * * FOO *")]
    [InlineData("* * * * * MONDAY")]
    [InlineData("*/0 * * * * *")]
    [InlineData("*/x * * * * *")]
    [InlineData("20-10 * * * * *")]
    [InlineData("1,,2 * * * * *")]
    [InlineData("-1 * * * * *")]
    [InlineData("/5 * * * * *")]
    public void InvalidExpressionsAreRefused(string expression)
    {
        Assert.Throws<FormatException>(() => NCrontabSchedule.Parse(expression));
        Assert.False(NCrontabSchedule.TryParse(expression, out _));
    }

    [Fact]
    public void TheErrorNamesTheBadField()
    {
        var error = Assert.Throws<FormatException>(() => NCrontabSchedule.Parse("0 0 25 * * *"));
        Assert.Contains("hour", error.Message);
    }
}
