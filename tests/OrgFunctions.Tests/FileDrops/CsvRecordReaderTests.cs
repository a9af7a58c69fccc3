using System.Text;
using OrgFunctions.FileDrops;

namespace OrgFunctions.Tests.FileDrops;

public class CsvRecordReaderTests
{
    private static async Task<List<(int Line, string[] Fields)>> ReadAllAsync(string csv, int maxRowBytes = 1024)
    {
        var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), maxRowBytes);
        var records = new List<(int, string[])>();
        while (await reader.ReadAsync(default) is var status && status != RecordStatus.End)
        {
            records.Add((reader.LineNumber, status == RecordStatus.Record ? reader.Fields.ToArray() : [status.ToString()]));
        }
        return records;
    }

    [Fact]
    public async Task QuotesEscapedQuotesAndLineBreaksInsideQuotes()
    {
        var records = await ReadAllAsync("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\nlast,row");

        Assert.Equal(["1:a|b", "2:x, y|say \"hi\"", "3:two\nlines|z", "6:last|row"],
            records.Select(r => r.Line + ":" + string.Join('|', r.Fields)));
    }

    [Fact]
    public async Task ARowOverTheLimitIsReportedAndReadingGoesOn()
    {
        var records = await ReadAllAsync("a,b\n" + new string('x', 2000) + ",y\nc,d\n");

        Assert.Equal("TooLong", records[1].Fields[0]);
        Assert.Equal(["c", "d"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public async Task AnUnclosedQuoteIsReported() =>
        Assert.Equal("UnterminatedQuote", (await ReadAllAsync("a\n\"open\n")).Last().Fields[0]);
}
