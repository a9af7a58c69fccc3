using OrgFunctions.Domain.Blocklist;

namespace OrgFunctions.Domain.Tests.Blocklist;

public class StopKeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData(" stop ")]
    [InlineData("StopAll")]
    [InlineData("unsubscribe")]
    [InlineData("Cancel")]
    [InlineData("end\n")]
    [InlineData("QUIT")]
    public void EveryKeywordInAnyCaseAndTrimmedIsAStop(string text) => Assert.True(StopKeywords.IsStop(text));

    [Theory]
    [InlineData("stop please")]
    [InlineData("don't stop")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherTextIsNotAStop(string? text) => Assert.False(StopKeywords.IsStop(text));
}
