using System.Text;
using OrgFunctions.Domain.Events;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.FileDrops;

public class IngestTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AValidBlocklistFileIsAppliedMovedToProcessedWithAReportAndAnEvent()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist-may.csv",
            "\uFEFFchannel,identifier,reason,until\r\nsms,+353 87 123 4567,asked,\r\nwhatsapp,0044 7700 900123,,2099-01-01\r\nsms,00353871234567,again,\r\nemail,Ann@Example.com,\"quoted, with comma\",\r\n");

        var summary = await h.RunAsync();

        Assert.Equal(1, summary.Finished);
        Assert.Empty(await h.BlobNamesAsync("inbox"));
        var report = await h.SingleReportAsync("processed", "blocklist-may.csv");
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(4, report.GetProperty("rowsRead").GetInt64());
        Assert.Equal(3, report.GetProperty("applied").GetInt64());
        Assert.Equal(1, report.GetProperty("skippedDuplicates").GetInt64());
        Assert.Equal(0, report.GetProperty("errorCount").GetInt64());
        var processed = await h.BlobNamesAsync("processed");
        Assert.Contains(processed, n => n.EndsWith("/blocklist-may.csv", StringComparison.Ordinal));

        var rows = await h.RowsAsync(h.Tables.Blocklist);
        Assert.Equal(["+353871234567", "+447700900123", "ann@example.com"], rows.Select(r => r.GetString("Identifier")).Order());
        var e = Assert.Single(await h.EventsAsync(EventTypes.IngestCompleted));
        Assert.Equal(3, e.Data["applied"]!.GetValue<long>());
    }

    [Fact]
    public async Task OneInvalidRowFailsTheWholeFileAndListsEachBadRowWithLineAndColumn()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv",
            "channel,identifier,reason,until\nsms,+353871234567,,\nfax,+353871234568,,\nsms,087 123,,\nsms,+353871234569,,yesterday\n");

        await h.RunAsync();

        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist));
        var report = await h.SingleReportAsync("failed", "blocklist.csv");
        Assert.Equal("failed", report.GetProperty("status").GetString());
        Assert.Equal(0, report.GetProperty("applied").GetInt64());
        Assert.Equal(3, report.GetProperty("errorCount").GetInt64());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3L, "channel"), (4L, "identifier"), (5L, "until")], errors);
        Assert.Single(await h.EventsAsync(EventTypes.IngestFailed));
        Assert.Empty(await h.EventsAsync(EventTypes.IngestCompleted));
    }

    [Fact]
    public async Task SmartPhrasesFileCreatesPhrasesAndUpdatesExistingShortcuts()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("smart-phrases.csv", "shortcut,text,tags\nhello,Hello there!,greeting;intro\nbye,Goodbye,\n");
        await h.RunAsync();
        await h.DropAsync("smart-phrases-2.csv", "shortcut,text,tags\nHELLO,Hello again!,greeting\n");
        await h.RunAsync();

        var phrases = (await h.RowsAsync(h.Tables.SmartPhrases)).Where(r => r.RowKey.StartsWith("sp:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, phrases.Count);
        Assert.Contains(phrases, p => p.GetString("Text") == "Hello again!" && p.GetString("Shortcut") == "HELLO");
        Assert.Equal(2, (await h.ReportsAsync("processed")).Count);
    }

    [Fact]
    public async Task TheSameContentDroppedAgainIsRecognisedAndNotAppliedAgain()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        const string content = "channel,identifier\nsms,+353871234567\n";
        await h.DropAsync("blocklist-a.csv", content);
        await h.RunAsync();
        await h.DropAsync("blocklist-b.csv", content);
        await h.RunAsync();

        var duplicate = await h.SingleReportAsync("failed", "blocklist-b.csv");
        Assert.Equal("duplicate", duplicate.GetProperty("status").GetString());
        Assert.Equal(0, duplicate.GetProperty("applied").GetInt64());
        var original = await h.SingleReportAsync("processed", "blocklist-a.csv");
        Assert.Equal(original.GetProperty("importId").GetString(), duplicate.GetProperty("duplicateOf").GetString());
        Assert.Single(await h.EventsAsync(EventTypes.IngestCompleted));
        Assert.Single(await h.EventsAsync(EventTypes.IngestFailed));
    }

    [Fact]
    public async Task TheSameNameUploadedAgainWithTheSameContentIsADuplicateToo()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        const string content = "channel,identifier\nsms,+353871234567\n";
        await h.DropAsync("blocklist.csv", content);
        await h.RunAsync();
        await h.DropAsync("blocklist.csv", content);
        await h.RunAsync();

        Assert.Equal("duplicate", (await h.SingleReportAsync("failed", "blocklist.csv")).GetProperty("status").GetString());
        Assert.Single(await h.ReportsAsync("processed"));
    }

    [Fact]
    public async Task ListedButMovedFilesAreSkippedAndEachFileIsIngestedOnce()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv", "channel,identifier\nsms,+353871234567\n");
        await h.RunAsync();

        var second = await h.RunAsync();

        Assert.Equal(0, second.Listed);
        Assert.Single(await h.EventsAsync(EventTypes.IngestCompleted));
    }

    [Fact]
    public async Task ImportsAreRecordedNewestFirstWithTheirReports()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist-1.csv", "channel,identifier\nsms,+353871234567\n");
        await h.RunAsync();
        await Task.Delay(1100); // blob Last-Modified has whole seconds: the second file must be newer
        await h.DropAsync("notes.txt", "hello");
        await h.RunAsync();

        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OrgFunctions.FileDrops.ImportsService>(h.Services);
        var page = await service.ListAsync(new OrgFunctions.Access.OrgScope(Builders.OrgTreeBuilder.CallerIn(h.Org), h.Org), OrgFunctions.Application.PageRequest.First(OrgFunctions.FileDrops.ImportsService.Paging), default);

        Assert.Equal(["notes.txt", "blocklist-1.csv"], page.Value!.Items.Select(i => i.File));
        Assert.Equal(["failed", "completed"], page.Value.Items.Select(i => i.Status));
        Assert.NotNull(page.Value.Items[1].Report);
    }
}
