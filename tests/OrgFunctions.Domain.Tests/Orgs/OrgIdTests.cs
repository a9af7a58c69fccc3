using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Domain.Tests.Orgs;

public class OrgIdTests
{
    [Fact]
    public void NewIdsAreDistinctAndParseBack()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => OrgId.New()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(id, OrgId.Parse(id.Value)));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("abcdefghijklmnopqrs1")]
    [InlineData("abcdefghijklmnopqrs.")]
    public void TryParseRefusesForeignShapes(string value)
    {
        Assert.False(OrgId.TryParse(value, out _));
    }
}
