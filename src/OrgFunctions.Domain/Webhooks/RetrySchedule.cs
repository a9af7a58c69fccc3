using System.Globalization;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>
/// When each attempt of a delivery is made: <see cref="Delays"/>[n] is the wait before attempt n+1 (the first is
/// normally zero), so the number of delays is the number of attempts. Each wait gets ±<see cref="Jitter"/>, so
/// deliveries that failed together don't all come back together; a receiver's <c>Retry-After</c> is a minimum.
/// </summary>
public sealed class RetrySchedule
{
    /// <summary>Never wait longer than this, whatever a Retry-After asks (a scheduled message must stay useful).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    public static readonly RetrySchedule Default = new(
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ]);

    public const double Jitter = 0.2;

    public RetrySchedule(IReadOnlyList<TimeSpan> delays)
    {
        if (delays.Count == 0 || delays.Any(d => d < TimeSpan.Zero || d > MaxDelay))
        {
            throw new DomainException("A retry schedule has at least one delay, each from 0 to 1 day.");
        }
        Delays = delays.ToArray();
    }

    public IReadOnlyList<TimeSpan> Delays { get; }
    public int MaxAttempts => Delays.Count;

    /// <summary>Reads "0, 5s, 5m, 30m, 2h" (units s, m, h, d; a bare number is seconds) or TimeSpans ("00:00:05").</summary>
    public static RetrySchedule Parse(string text)
    {
        var delays = new List<TimeSpan>();
        foreach (var raw in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            delays.Add(ParseDelay(raw));
        }
        return new RetrySchedule(delays);
    }

    /// <summary>
    /// The wait before the attempt after <paramref name="attemptsMade"/>, or null when none is left.
    /// <paramref name="random01"/> is a number in [0, 1) that picks the jitter.
    /// </summary>
    public TimeSpan? DelayAfter(int attemptsMade, TimeSpan? retryAfter, double random01)
    {
        if (attemptsMade < 1 || attemptsMade >= MaxAttempts)
        {
            return null;
        }
        var planned = Delays[attemptsMade];
        var factor = 1 + Jitter * (2 * random01 - 1);
        var jittered = TimeSpan.FromTicks((long)(planned.Ticks * factor));
        if (retryAfter is { } asked && asked > jittered)
        {
            jittered = asked;
        }
        return jittered > MaxDelay ? MaxDelay : jittered;
    }

    private static TimeSpan ParseDelay(string raw)
    {
        if (raw.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }
        var unit = raw[^1];
        var (number, scale) = char.IsAsciiLetter(unit)
            ? (raw[..^1], unit switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => throw new DomainException($"'{raw}' has an unknown unit (use s, m, h or d)."),
            })
            : (raw, TimeSpan.FromSeconds(1));
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? TimeSpan.FromTicks((long)(scale.Ticks * value))
            : throw new DomainException($"'{raw}' is not a delay.");
    }
}
