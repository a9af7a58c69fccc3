using OrgFunctions.FileDrops;

namespace OrgFunctions.Tests.FileDrops;

public class ReportTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+353", "'+353")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    [InlineData("a\u0000b", "a?b")]
    public void CellsThatASpreadsheetWouldRunAreNeutralised(string cell, string expected) => Assert.Equal(expected, ReportText.Neutralise(cell));

    [Fact]
    public void LongCellsAreCut() => Assert.Equal(ReportText.MaxEcho + 1, ReportText.Neutralise(new string('x', 500)).Length);

    [Theory]
    [InlineData("inbox/blocklist.csv", true)]
    [InlineData("inbox/sub/blocklist.csv", false)]
    [InlineData("inbox/..blocklist.csv", false)]
    [InlineData("inbox/a\\b.csv", false)]
    public void DropPathsMustBePlainFileNames(string blobName, bool safe) => Assert.Equal(safe, DropPath.Parse("org", blobName)!.IsSafe);

    [Theory]
    [InlineData("processed/x/blocklist.csv")]
    [InlineData("org/inbox/blocklist.csv")]
    [InlineData("inbox/")]
    [InlineData("blocklist.csv")]
    public void BlobsOutsideAnInboxAreNotDrops(string blobName) => Assert.Null(DropPath.Parse("org", blobName));
}
