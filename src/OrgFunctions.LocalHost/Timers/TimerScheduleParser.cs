using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrgFunctions.LocalHost.Timers;

/// <summary>
/// Reads a <c>[TimerTrigger]</c> schedule as Functions does: <c>%Name%</c> is replaced by the setting
/// <c>Name</c>; then a six-field NCRONTAB expression, or a TimeSpan (<c>hh:mm:ss</c>).
/// </summary>
public static class TimerScheduleParser
{
    public static ITimerSchedule Parse(string schedule, IConfiguration configuration)
    {
        var expression = Resolve(schedule, configuration).Trim();
        if (expression.Contains(' ', StringComparison.Ordinal))
        {
            return NCrontabSchedule.Parse(expression);
        }
        if (TimeSpan.TryParseExact(expression, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var interval)
            || TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out interval))
        {
            return new IntervalSchedule(interval);
        }
        throw new FormatException($"The schedule '{expression}' is neither a six-field NCRONTAB expression nor a TimeSpan.");
    }

    private static string Resolve(string schedule, IConfiguration configuration)
    {
        var trimmed = schedule.Trim();
        if (trimmed.Length > 2 && trimmed[0] == '%' && trimmed[^1] == '%')
        {
            var name = trimmed[1..^1];
            return configuration[name] is { Length: > 0 } value
                ? value
                : throw new FormatException($"The schedule refers to the setting '{name}', which is not set.");
        }
        return schedule;
    }
}
