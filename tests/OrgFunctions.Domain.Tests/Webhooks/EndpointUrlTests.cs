using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Domain.Tests.Webhooks;

public class EndpointUrlTests
{
    [Fact]
    public void HttpsUrlsAreAccepted() =>
        Assert.Equal("https://hooks.example.com/in?x=1", EndpointUrl.Parse("https://hooks.example.com/in?x=1", allowHttp: false).Value);

    [Fact]
    public void HttpIsRefusedUnlessDevelopmentAllowsIt()
    {
        Assert.Null(EndpointUrl.TryParse("http://hooks.example.com/", allowHttp: false, out var reason));
        Assert.Equal("must use https", reason);
        Assert.NotNull(EndpointUrl.TryParse("http://hooks.example.com/", allowHttp: true, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/relative")]
    [InlineData("ftp://example.com/")]
    [InlineData("https://user:pw@example.com/")]
    [InlineData("https://example.com/#frag")]
    [InlineData("file:///etc/passwd")]
    public void OtherUrlsAreRefusedWithAReason(string text)
    {
        Assert.Null(EndpointUrl.TryParse(text, allowHttp: true, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }
}
