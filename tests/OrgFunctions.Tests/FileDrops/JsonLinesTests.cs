using OrgFunctions.Domain.Events;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.FileDrops;

public class JsonLinesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AJsonLinesBlocklistIsAppliedLikeItsCsvForm()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.jsonl",
            "{\"channel\":\"sms\",\"identifier\":\"+353 87 123 4567\",\"reason\":\"asked\"}\n\n{\"channel\":\"email\",\"identifier\":\"A@B.com\",\"until\":null}\r\n");

        await h.RunAsync();

        var report = await h.SingleReportAsync("processed", "blocklist.jsonl");
        Assert.Equal(2, report.GetProperty("applied").GetInt64());
        Assert.Equal(["+353871234567", "a@b.com"], (await h.RowsAsync(h.Tables.Blocklist)).Select(r => r.GetString("Identifier")).Order());
        Assert.Single(await h.EventsAsync(EventTypes.IngestCompleted));
    }

    [Fact]
    public async Task BadJsonLinesAreErrorsOnTheirLines()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("smart-phrases.jsonl",
            "{\"shortcut\":\"hi\",\"text\":\"Hi\",\"tags\":[\"a\",\"b\"]}\nnot json\n[1]\n{\"shortcut\":\"x\",\"text\":\"y\",\"colour\":\"red\"}\n{\"shortcut\":\"n\",\"text\":5}\n");

        await h.RunAsync();

        var report = await h.SingleReportAsync("failed", "smart-phrases.jsonl");
        Assert.Equal(5, report.GetProperty("rowsRead").GetInt64());
        Assert.Equal([2L, 3L, 4L, 5L], report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt64()));
        Assert.Empty(await h.RowsAsync(h.Tables.SmartPhrases));
    }

    [Fact]
    public async Task ALoneSurrogateEscapeIsAnErrorOnItsLineNotACrash()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("smart-phrases.jsonl",
            "{\"shortcut\":\"hi\",\"text\":\"Hi\"}\n{\"shortcut\":\"\\ud800\",\"text\":\"y\"}\n{\"\\udc00\":\"x\",\"text\":\"z\"}\n");

        await h.RunAsync();

        var report = await h.SingleReportAsync("failed", "smart-phrases.jsonl");
        Assert.Equal([2L, 3L], report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt64()));
        Assert.Empty(await h.RowsAsync(h.Tables.SmartPhrases));
    }
}
