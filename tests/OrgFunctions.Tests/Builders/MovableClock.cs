namespace OrgFunctions.Tests.Builders;

/// <summary>
/// A clock a test moves forward by hand (sessions' idle timeouts, link expiry). Only the time is moved: timers and
/// delays stay real, so a whole host runs on it (FakeTimeProvider would also stop the host's timers and delays).
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public MovableClock() : this(DateTimeOffset.UtcNow)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
