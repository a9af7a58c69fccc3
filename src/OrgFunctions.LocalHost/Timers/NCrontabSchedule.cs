using System.Globalization;

namespace OrgFunctions.LocalHost.Timers;

/// <summary>
/// A six-field NCRONTAB expression as Azure Functions reads it:
/// <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, each field <c>*</c>, a value, a range
/// <c>a-b</c>, a step <c>*/n</c>, <c>a-b/n</c> or <c>a/n</c>, or a comma-separated list of these. Months take
/// JAN–DEC and days of the week SUN–SAT (0 = Sunday). As in NCrontab, an occurrence must match both the day of
/// the month and the day of the week. Times are UTC.
/// </summary>
public sealed class NCrontabSchedule : ITimerSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    // Far enough for any satisfiable expression (Feb 29 on a given weekday recurs within 28 years).
    private const int SearchYears = 30;

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;
    private readonly string _expression;

    private NCrontabSchedule(string expression, bool[][] fields)
    {
        _expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    public static NCrontabSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            throw new FormatException(
                $"'{expression}' is not a six-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}).");
        }
        var fields = new[]
        {
            ParseField(parts[0], 0, 59, null, "second", expression),
            ParseField(parts[1], 0, 59, null, "minute", expression),
            ParseField(parts[2], 0, 23, null, "hour", expression),
            ParseField(parts[3], 1, 31, null, "day", expression),
            ParseField(parts[4], 1, 12, MonthNames, "month", expression),
            ParseField(parts[5], 0, 6, DayNames, "day-of-week", expression),
        };
        return new NCrontabSchedule(expression, fields);
    }

    public static bool TryParse(string expression, out NCrontabSchedule? schedule)
    {
        try
        {
            schedule = Parse(expression);
            return true;
        }
        catch (FormatException)
        {
            schedule = null;
            return false;
        }
    }

    public DateTime? GetNextOccurrence(DateTime afterUtc)
    {
        var start = new DateTime(afterUtc.Ticks - afterUtc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        var limit = start.AddYears(SearchYears);
        var day = start.Date;
        var fromTime = start.TimeOfDay;
        while (day < limit)
        {
            if (!_months[day.Month])
            {
                day = new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
                fromTime = TimeSpan.Zero;
                continue;
            }
            if (_days[day.Day] && _daysOfWeek[(int)day.DayOfWeek] && FirstTimeOfDay(fromTime) is { } time)
            {
                return DateTime.SpecifyKind(day + time, DateTimeKind.Utc);
            }
            day = day.AddDays(1);
            fromTime = TimeSpan.Zero;
        }
        return null;
    }

    public override string ToString() => _expression;

    private TimeSpan? FirstTimeOfDay(TimeSpan from)
    {
        for (var h = from.Hours; h < 24; h++)
        {
            if (!_hours[h])
            {
                continue;
            }
            var sameHour = h == from.Hours;
            for (var m = sameHour ? from.Minutes : 0; m < 60; m++)
            {
                if (!_minutes[m])
                {
                    continue;
                }
                var sameMinute = sameHour && m == from.Minutes;
                for (var s = sameMinute ? from.Seconds : 0; s < 60; s++)
                {
                    if (_seconds[s])
                    {
                        return new TimeSpan(h, m, s);
                    }
                }
            }
        }
        return null;
    }

    private static bool[] ParseField(string field, int min, int max, string[]? names, string what, string expression)
    {
        var allowed = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            if (item.Length == 0)
            {
                throw Invalid(expression, what, field);
            }
            var (rangePart, step) = SplitStep(item, expression, what, field);
            int from, to;
            if (rangePart == "*")
            {
                (from, to) = (min, max);
            }
            else if (rangePart.IndexOf('-') is var dash and > 0)
            {
                from = Value(rangePart[..dash], min, max, names, expression, what, field);
                to = Value(rangePart[(dash + 1)..], min, max, names, expression, what, field);
                if (to < from)
                {
                    throw Invalid(expression, what, field);
                }
            }
            else
            {
                from = Value(rangePart, min, max, names, expression, what, field);
                // "a/n" runs from a to the end of the field; a bare value is just itself.
                to = step is null ? from : max;
            }
            for (var v = from; v <= to; v += step ?? 1)
            {
                allowed[v] = true;
            }
        }
        return allowed;
    }

    private static (string Range, int? Step) SplitStep(string item, string expression, string what, string field)
    {
        var slash = item.IndexOf('/');
        if (slash < 0)
        {
            return (item, null);
        }
        if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step <= 0)
        {
            throw Invalid(expression, what, field);
        }
        return (item[..slash], step);
    }

    private static int Value(string text, int min, int max, string[]? names, string expression, string what, string field)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value >= min && value <= max ? value : throw Invalid(expression, what, field);
        }
        var index = names is null ? -1 : Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index + min : throw Invalid(expression, what, field);
    }

    private static FormatException Invalid(string expression, string what, string field) =>
        new($"'{expression}' is not a valid NCRONTAB expression: the {what} field '{field}' is not valid.");
}
