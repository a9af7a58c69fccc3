namespace OrgFunctions.Domain.Tests;

public class ItemIdsTests
{
    [Theory]
    [InlineData("role_0123456789abcdef0123", true)]
    [InlineData("tpl-A_9", true)]
    [InlineData("", false)]
    [InlineData("a:b", false)]
    [InlineData("a/b", false)]
    [InlineData("caf\u00e9", false)]
    public void ARouteIdIsWellFormedOnlyAsLettersDigitsHyphensAndUnderscores(string id, bool wellFormed) =>
        Assert.Equal(wellFormed, ItemIds.IsWellFormed(id));

    [Fact]
    public void ARouteIdIsAtMostSixtyFourCharacters()
    {
        Assert.True(ItemIds.IsWellFormed(new string('a', 64)));
        Assert.False(ItemIds.IsWellFormed(new string('a', 65)));
        Assert.False(ItemIds.IsWellFormed(null));
    }

    [Fact]
    public void AMintedIdIsItsPrefixAndExactlyItsLowerCaseHexDigits()
    {
        Assert.True(ItemIds.IsMinted("sp_0123456789abcdef0123", "sp_", 20));
        Assert.False(ItemIds.IsMinted("sp_0123456789ABCDEF0123", "sp_", 20));
        Assert.False(ItemIds.IsMinted("sp_0123456789abcdef012", "sp_", 20));
        Assert.False(ItemIds.IsMinted("wh_0123456789abcdef0123", "sp_", 20));
        Assert.False(ItemIds.IsMinted(null, "sp_", 20));
    }
}
