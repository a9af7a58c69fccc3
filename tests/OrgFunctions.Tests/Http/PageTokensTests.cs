using System.Buffers.Text;
using System.Text;
using OrgFunctions.Http;

namespace OrgFunctions.Tests.Http;

public class PageTokensTests
{
    [Theory]
    [InlineData("1!8!YWJjZGVm 1!12!MDFIWDJWM0s-")]
    [InlineData("a")]
    public void ATokenThisApiIssuedDecodesToStoragesToken(string storageToken)
    {
        Assert.True(PageTokens.TryDecode(PageTokens.Encode(storageToken), out var decoded));
        Assert.Equal(storageToken, decoded);
    }

    [Fact]
    public void TheLongestTokenStorageCanIssueFitsUnderTheCap()
    {
        // Two keys of 1 KiB each, as storage sends them back: "1!{length}!{base64 of the key}".
        var key = "1!1368!" + Convert.ToBase64String(new byte[1024]);
        var token = PageTokens.Encode(key + " " + key)!;

        Assert.True(token.Length <= PageTokens.MaxLength, $"{token.Length} chars");
        Assert.True(PageTokens.TryDecode(token, out _));
    }

    [Fact]
    public void ATokenOverTheCapIsRefusedEvenWhenItDecodes()
    {
        var token = new string('A', 5000);

        Assert.False(PageTokens.TryDecode(token, out var decoded));
        Assert.Null(decoded);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("nul\0")]
    [InlineData("caf\u00e9")]
    [InlineData("\u202Eright-to-left")]
    public void ATokenThatDecodesToWhatStorageNeverIssuesIsRefused(string storageToken)
    {
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageToken));

        Assert.False(PageTokens.TryDecode(token, out _));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("%%%")]
    public void ATokenThatIsNotBase64UrlIsRefused(string token) => Assert.False(PageTokens.TryDecode(token, out _));

    [Fact]
    public void NoTokenMeansTheFirstPage()
    {
        Assert.True(PageTokens.TryDecode(null, out var decoded));
        Assert.Null(decoded);
        Assert.True(PageTokens.TryDecode("", out _));
    }
}
