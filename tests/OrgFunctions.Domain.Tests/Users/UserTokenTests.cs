using System.Security.Cryptography;
using System.Text;
using OrgFunctions.Domain.Users;

namespace OrgFunctions.Domain.Tests.Users;

public class UserTokenTests
{
    [Theory]
    [InlineData(TokenPurpose.Session, "ofs_")]
    [InlineData(TokenPurpose.Invitation, "ofi_")]
    [InlineData(TokenPurpose.PasswordSetup, "ofp_")]
    public void AnIssuedTokenParsesForItsOwnPurposeOnly(TokenPurpose purpose, string prefix)
    {
        var token = UserToken.Issue(purpose);

        Assert.StartsWith(prefix, token.Token);
        Assert.True(UserToken.TryParse(token.Token, purpose, out var parsed));
        Assert.Equal(token.Hash, parsed.Hash);
        foreach (var other in Enum.GetValues<TokenPurpose>().Where(p => p != purpose))
        {
            Assert.False(UserToken.TryParse(token.Token, other, out _));
        }
    }

    [Fact]
    public void TheHashIsTheSha256OfTheWholeTokenAndNeverTheTokenItself()
    {
        var token = UserToken.Issue(TokenPurpose.Session);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token.Token))), token.Hash);
        Assert.DoesNotContain(token.Token[4..], token.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoIssuedTokensDiffer() =>
        Assert.NotEqual(UserToken.Issue(TokenPurpose.Session).Token, UserToken.Issue(TokenPurpose.Session).Token);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ofs_")]
    [InlineData("ofs_short")]
    [InlineData("ofk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("ofs_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=")]
    [InlineData("ofs_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/")]
    [InlineData("ofs_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void AnythingNotOfTheShapeIsRefusedBeforeStorage(string? text) =>
        Assert.False(UserToken.TryParse(text, TokenPurpose.Session, out _));
}
