using System.Globalization;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace OrgFunctions.LocalHost.Timers;

/// <summary>
/// A <c>[TimerTrigger]</c> schedule read as the Functions host reads it: <c>%Name%</c> is the setting <c>Name</c>; then an
/// NCRONTAB expression parsed by NCrontab (six fields with seconds first, or five without, as the host tells them apart),
/// or else a TimeSpan (<c>hh:mm:ss</c>) between runs. Times are UTC.
/// </summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;
    private readonly string _text;

    private TimerSchedule(string text, CrontabSchedule? cron, TimeSpan interval)
    {
        _text = text;
        _cron = cron;
        _interval = interval;
    }

    /// <exception cref="FormatException">The schedule is neither, or names a setting that isn't set; the message says why.</exception>
    public static TimerSchedule Parse(string schedule, IConfiguration configuration)
    {
        var expression = Resolve(schedule, configuration).Trim();
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields > 1)
        {
            try
            {
                var options = new CrontabSchedule.ParseOptions { IncludingSeconds = fields != 5 };
                return new TimerSchedule(expression, CrontabSchedule.Parse(expression, options), TimeSpan.Zero);
            }
            catch (CrontabException ex)
            {
                throw new FormatException($"'{expression}' is not a valid NCRONTAB expression: {ex.Message}", ex);
            }
        }
        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval))
        {
            // A zero or negative interval would run the function in a tight loop.
            return interval > TimeSpan.Zero
                ? new TimerSchedule(expression, null, interval)
                : throw new FormatException($"A timer interval must be positive; '{expression}' is not.");
        }
        throw new FormatException($"The schedule '{expression}' is neither an NCRONTAB expression nor a TimeSpan.");
    }

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, or null if the schedule never matches again.</summary>
    public DateTime? GetNextOccurrence(DateTime afterUtc)
    {
        if (_cron is null)
        {
            return afterUtc + _interval;
        }
        // NCrontab answers its end time when nothing matches before it.
        var next = _cron.GetNextOccurrence(afterUtc, DateTime.MaxValue);
        return next == DateTime.MaxValue ? null : DateTime.SpecifyKind(next, DateTimeKind.Utc);
    }

    public override string ToString() => _text;

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
