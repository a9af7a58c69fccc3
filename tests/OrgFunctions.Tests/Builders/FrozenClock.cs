namespace OrgFunctions.Tests.Builders;

/// <summary>A clock that never moves, so that time-based writes (an API key's lastUsedAt) happen once, predictably.</summary>
public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
