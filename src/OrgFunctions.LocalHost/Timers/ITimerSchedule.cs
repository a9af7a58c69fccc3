namespace OrgFunctions.LocalHost.Timers;

/// <summary>When a timer function is due next.</summary>
public interface ITimerSchedule
{
    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, or null if there is none.</summary>
    DateTime? GetNextOccurrence(DateTime afterUtc);
}

/// <summary>The TimeSpan form of a schedule ("00:05:00"): every interval, counted from the previous occurrence.</summary>
public sealed class IntervalSchedule : ITimerSchedule
{
    public IntervalSchedule(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new FormatException($"A timer interval must be positive; '{interval}' is not.");
        }
        Interval = interval;
    }

    public TimeSpan Interval { get; }

    public DateTime? GetNextOccurrence(DateTime afterUtc) => afterUtc + Interval;

    public override string ToString() => Interval.ToString("c");
}
