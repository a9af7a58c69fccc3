using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrgFunctions.LocalHost.Timers;

namespace OrgFunctions.LocalHost.Tests.Timers;

/// <summary>Schedules as the Functions host reads them: NCRONTAB through NCrontab, a TimeSpan, or a %Setting%.</summary>
public sealed class TimerScheduleTests
{
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static DateTime Utc(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static DateTime? Next(string schedule, string after) => TimerSchedule.Parse(schedule, Settings()).GetNextOccurrence(Utc(after));

    [Theory]
    [InlineData("0 */5 * * * *", "2030-01-01T00:03:10", "2030-01-01T00:05:00")]
    [InlineData("0 */5 * * * *", "2030-01-01T00:05:00", "2030-01-01T00:10:00")]   // strictly after
    [InlineData("30 15 9 * * *", "2030-01-01T09:15:29.900", "2030-01-01T09:15:30")]
    [InlineData("0 0 9 * * MON-FRI", "2030-01-05T10:00:00", "2030-01-07T09:00:00")] // Saturday → Monday
    [InlineData("0 0 12 29 2 *", "2030-03-01T00:00:00", "2032-02-29T12:00:00")]
    [InlineData("0 0 * * *", "2030-01-01T10:30:00", "2030-01-02T00:00:00")]         // five fields: no seconds, as the host reads it
    public void NextOccurrenceIsTheFirstMatchAfterTheGivenTimeInUtc(string schedule, string after, string expected)
    {
        var next = Next(schedule, after);

        Assert.Equal(Utc(expected), next);
        Assert.Equal(DateTimeKind.Utc, next!.Value.Kind);
    }

    [Fact]
    public void AnExpressionThatNeverMatchesHasNoNextOccurrence() => Assert.Null(Next("0 0 0 30 2 *", "2030-01-01T00:00:00"));

    [Fact]
    public void ATimeSpanIsTheIntervalFromThePreviousOccurrence() =>
        Assert.Equal(Start.AddMinutes(30), TimerSchedule.Parse("00:30:00", Settings()).GetNextOccurrence(Start));

    [Fact]
    public void APercentNameIsReadFromSettings() =>
        Assert.Equal(Start.AddHours(3),
            TimerSchedule.Parse("%CleanupSchedule%", Settings(("CleanupSchedule", "0 0 3 * * *"))).GetNextOccurrence(Start));

    [Fact]
    public void AMissingSettingIsAnErrorNamingIt() =>
        Assert.Contains("Nope", Assert.Throws<FormatException>(() => TimerSchedule.Parse("%Nope%", Settings())).Message);

    [Fact]
    public void AnInvalidExpressionIsRefusedWithNCrontabsReason()
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse("0 0 25 * * *", Settings()));

        Assert.Contains("'0 0 25 * * *' is not a valid NCRONTAB expression", error.Message);
        Assert.Contains("25", error.Message.Split(':', 2)[1]); // NCrontab names the value it refused
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("00:00:00")]
    [InlineData("* * * * * * *")]
    public void NonsenseIsAnError(string schedule) =>
        Assert.Throws<FormatException>(() => TimerSchedule.Parse(schedule, Settings()));
}
