using OrgFunctions.Domain.Events;

namespace OrgFunctions.Domain.Tests.Events;

public class EventTypePatternTests
{
    private static readonly string[] Known = ["org.created", "org.updated", "user.invited", "apikey.created"];

    [Theory]
    [InlineData("org.created", "org.created", true)]
    [InlineData("org.created", "org.updated", false)]
    [InlineData("org.*", "org.updated", true)]
    [InlineData("org.*", "orgx.updated", false)]
    [InlineData("org.*", "user.invited", false)]
    [InlineData("*", "apikey.created", true)]
    [InlineData(" user.* ", "user.invited", true)]
    public void APatternMatchesItsTypeItsPrefixOrEverything(string text, string type, bool matches)
    {
        Assert.True(EventTypePattern.TryCreate(text, Known, out var pattern, out _));
        Assert.Equal(matches, pattern!.Matches(type));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Org.*")]
    [InlineData("org.")]
    [InlineData("org*")]
    [InlineData("*.created")]
    [InlineData("org.*.x")]
    [InlineData("org..created")]
    [InlineData("org.cre'ated")]
    [InlineData("org created")]
    public void ATextThatIsNoPatternIsRefusedWithAReason(string text)
    {
        Assert.False(EventTypePattern.TryCreate(text, Known, out var pattern, out var error));
        Assert.Null(pattern);
        Assert.Contains("not an event type pattern", error);
    }

    [Theory]
    [InlineData("org.deleted")]
    [InlineData("orgs.*")]
    [InlineData("webhook.*")]
    public void APatternThatMatchesNoKnownTypeIsRefused(string text)
    {
        Assert.False(EventTypePattern.TryCreate(text, Known, out _, out var error));
        Assert.Contains("matches no event type", error);
    }

    [Fact]
    public void ThePrefixOfAPrefixPatternKeepsItsDotSoThatASimilarNameIsNotIncluded()
    {
        Assert.True(EventTypePattern.TryCreate("org.*", Known, out var pattern, out _));
        Assert.Equal("org.", pattern!.Prefix);
        Assert.True(EventTypePattern.TryCreate("*", Known, out var all, out _));
        Assert.True(all!.IsAll);
    }
}
