using OrgFunctions.Domain.Workspaces;

namespace OrgFunctions.Domain.Tests.Workspaces;

public class AccessLevelTests
{
    [Theory]
    [InlineData("owner", AccessLevel.Owner)]
    [InlineData("manager", AccessLevel.Manager)]
    [InlineData("agent", AccessLevel.Agent)]
    public void ParsesEachLevelByItsApiNameAndWritesItBack(string name, AccessLevel level)
    {
        Assert.True(AccessLevels.TryParse(name, out var parsed, out var error));
        Assert.Null(error);
        Assert.Equal(level, parsed);
        Assert.Equal(name, parsed.ToApi());
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("admin")]
    [InlineData("")]
    [InlineData(null)]
    public void RefusesAnythingElseNamingTheLevels(string? name)
    {
        Assert.False(AccessLevels.TryParse(name, out _, out var error));
        Assert.Equal("must be one of owner, manager, agent", error);
        Assert.Throws<DomainException>(() => AccessLevels.Parse(name ?? ""));
    }
}
