using Microsoft.Extensions.Configuration;
using OrgFunctions.LocalHost.Timers;

namespace OrgFunctions.LocalHost.Tests.Timers;

public sealed class TimerScheduleParserTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ACronExpressionIsParsedAsNCrontab()
    {
        var schedule = TimerScheduleParser.Parse("0 */10 * * * *", Settings());
        Assert.Equal(Start.AddMinutes(10), schedule.GetNextOccurrence(Start));
    }

    [Fact]
    public void ATimeSpanIsAnInterval()
    {
        var schedule = TimerScheduleParser.Parse("00:30:00", Settings());
        Assert.Equal(Start.AddMinutes(30), schedule.GetNextOccurrence(Start));
    }

    [Fact]
    public void APercentNameIsReadFromSettings()
    {
        var schedule = TimerScheduleParser.Parse("%CleanupSchedule%", Settings(("CleanupSchedule", "0 0 3 * * *")));
        Assert.Equal(Start.AddHours(3), schedule.GetNextOccurrence(Start));
    }

    [Fact]
    public void AMissingSettingIsAnError()
    {
        var error = Assert.Throws<FormatException>(() => TimerScheduleParser.Parse("%Nope%", Settings()));
        Assert.Contains("Nope", error.Message);
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("00:00:00")]
    [InlineData("0 0 * * *")]
    public void NonsenseIsAnError(string schedule) =>
        Assert.Throws<FormatException>(() => TimerScheduleParser.Parse(schedule, Settings()));
}
