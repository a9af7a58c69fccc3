using OrgFunctions.Domain.Blocklist;

namespace OrgFunctions.Domain.Tests.Blocklist;

public class BlockEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APermanentEntryIsAlwaysActiveAndATemporaryOneUntilItsEnd()
    {
        var permanent = new BlockEntry(Channel.Sms, "+353871234567", "", null, Now, "api");
        var temporary = permanent with { Until = Now.AddDays(1) };

        Assert.True(permanent.IsActiveAt(Now.AddYears(10)));
        Assert.True(temporary.IsActiveAt(Now));
        Assert.False(temporary.IsActiveAt(Now.AddDays(1)));
    }
}
