using System.Text;
using OrgFunctions.FileDrops;

namespace OrgFunctions.Tests.FileDrops;

public class CsvRowsTests
{
    private static async Task<List<string>> ReadAllAsync(byte[] csv, int maxRowBytes = 1024)
    {
        await using var reader = new CsvRows(new MemoryStream(csv), maxRowBytes);
        var records = new List<string>();
        while (await reader.ReadAsync(default) is var status && status != RecordStatus.End)
        {
            records.Add(reader.LineNumber + ":" + (status == RecordStatus.Record
                ? string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader[i]))
                : status.ToString()));
            if (status is RecordStatus.TooLongToGoOn or RecordStatus.NotUtf8)
            {
                break;
            }
        }
        return records;
    }

    private static Task<List<string>> ReadAllAsync(string csv, int maxRowBytes = 1024) =>
        ReadAllAsync(Encoding.UTF8.GetBytes(csv), maxRowBytes);

    [Fact]
    public async Task QuotesEscapedQuotesAndLineBreaksInsideQuotesWithLinesCountedAsInTheFile() =>
        Assert.Equal(["1:a|b", "2:x, y|say \"hi\"", "3:two\nlines|z", "6:last|row"],
            await ReadAllAsync("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\nlast,row"));

    [Fact]
    public async Task OnlyCommasSeparate() =>
        Assert.Equal(["1:channel;identifier"], await ReadAllAsync("channel;identifier\n"));

    [Fact]
    public async Task AQuoteInsideAnUnquotedFieldIsText() =>
        Assert.Equal(["1:a|b", "2:=HYPERLINK(\"http://x\")|c"], await ReadAllAsync("a,b\n=HYPERLINK(\"http://x\"),c\n"));

    [Fact]
    public async Task ARowOverTheLimitIsReportedAndReadingGoesOn() =>
        Assert.Equal(["1:a|b", "2:TooLong", "3:c|d"], await ReadAllAsync("a,b\n" + new string('x', 2000) + ",y\nc,d\n"));

    [Fact]
    public async Task AnUnclosedQuoteIsReportedOnTheLineItOpens() =>
        Assert.Equal(["1:a|b", "2:UnterminatedQuote"], await ReadAllAsync("a,b\nc,\"open\nd,e\n"));

    [Fact]
    public async Task AStrayQuoteBeforeAnOpeningQuoteIsAnErrorOnItsLineNotAFieldOfTheRestOfTheFile() =>
        // CsvHelper reports only the first problem of a record (the stray quote), and would return three fields.
        Assert.Equal(["1:a|b|c", "2:MisplacedQuote"], await ReadAllAsync("a,b,c\nsms,a\"b,\"never closed\nsms,+1,x\n"));

    [Fact]
    public async Task AQuoteClosedLinesLaterWithTextAfterItIsAnErrorOnTheLineItOpens() =>
        Assert.Equal(["1:a|b", "2:MisplacedQuote", "5:e|f"], await ReadAllAsync("a,b\nc,\"open\nd,e\nf,g\"h\ne,f\n"));

    [Fact]
    public async Task AStrayQuoteAtTheStartOfALargeFileStopsReadingAtItsLineWithinTheBufferBound()
    {
        var rows = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"sms,+353{i:D10},ok\n"));

        var records = await ReadAllAsync("channel,identifier,reason\nsms,+353871234567,\"oops\n" + rows);

        Assert.Equal(["1:channel|identifier|reason", "2:TooLongToGoOn"], records);
    }

    [Fact]
    public async Task BytesThatAreNotUtf8StopReadingAtTheirLineAndByte()
    {
        await using var reader = new CsvRows(new MemoryStream([.. "a,b\nc,d\ne,f"u8, 0xC3, 0x28, .. "g\n"u8]), 1024);
        Assert.Equal(RecordStatus.Record, await reader.ReadAsync(default));
        Assert.Equal(RecordStatus.Record, await reader.ReadAsync(default));

        Assert.Equal(RecordStatus.NotUtf8, await reader.ReadAsync(default));
        Assert.Equal(3, reader.LineNumber);
        Assert.Equal(11, reader.ByteOffset);
    }
}
