using System.Text;
using OrgFunctions.Domain.Events;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.FileDrops;

public class ResumeAndConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static string BlocklistFile(int rows, int seed)
    {
        var text = new StringBuilder("channel,identifier,reason,until\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append("sms,+3538").Append((seed * 1_000_000 + i).ToString("D8")).Append(",r,\n");
        }
        return text.ToString();
    }

    [Fact]
    public async Task TwoIngestersAtOnceProcessEachOfTwentyFilesExactlyOnce()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        for (var i = 0; i < 20; i++)
        {
            await h.DropAsync($"blocklist-{i:D2}.csv", BlocklistFile(30, i));
        }

        var runs = await Task.WhenAll(h.Instance().RunAsync(default), h.Instance().RunAsync(default));

        Assert.Equal(20, runs.Sum(r => r.Finished));
        Assert.Empty(await h.BlobNamesAsync("inbox"));
        var reports = await h.ReportsAsync("processed");
        Assert.Equal(20, reports.Count);
        Assert.Equal(20, reports.Select(r => r.GetProperty("file").GetString()).Distinct().Count());
        Assert.All(reports, r => Assert.Equal(30, r.GetProperty("applied").GetInt64()));
        Assert.Equal(20, (await h.EventsAsync(EventTypes.IngestCompleted)).Count);
        Assert.Equal(600, (await h.RowsAsync(h.Tables.Blocklist)).Count);
    }

    [Fact]
    public async Task AnIngesterKilledMidFileLeavesItInTheInboxAndTheNextRunFinishesItWithoutDuplicates()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv", BlocklistFile(450, 1));
        var crash = CrashAfter.Batches(2);

        var killed = await h.Instance(tableFault: crash).RunAsync(default);

        Assert.True(crash.Crashed);
        Assert.Equal(1, killed.Crashed);
        Assert.Single(await h.BlobNamesAsync("inbox"));
        Assert.Equal(200, (await h.RowsAsync(h.Tables.Blocklist)).Count);
        Assert.Empty(await h.EventsAsync(EventTypes.IngestCompleted, EventTypes.IngestFailed));

        var resumed = await h.RunAsync();

        Assert.Equal(1, resumed.Finished);
        Assert.Empty(await h.BlobNamesAsync("inbox"));
        Assert.Equal(450, (await h.RowsAsync(h.Tables.Blocklist)).Count);
        var report = await h.SingleReportAsync("processed", "blocklist.csv");
        Assert.Equal(450, report.GetProperty("applied").GetInt64());
        Assert.Single(await h.EventsAsync(EventTypes.IngestCompleted));
    }

    [Fact]
    public async Task AnIngesterKilledWhileMovingTheFileIsFinishedByTheNextRunWithOneEvent()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv", BlocklistFile(10, 2));
        var crash = CrashAfter.UploadsTo("processed");

        await h.Instance(blobFault: crash).RunAsync(default);

        Assert.True(crash.Crashed);
        Assert.Single(await h.BlobNamesAsync("inbox"));
        Assert.Single(await h.EventsAsync(EventTypes.IngestCompleted));

        await h.RunAsync();

        Assert.Empty(await h.BlobNamesAsync("inbox"));
        Assert.Equal(10, (await h.SingleReportAsync("processed", "blocklist.csv")).GetProperty("applied").GetInt64());
        Assert.Single(await h.EventsAsync(EventTypes.IngestCompleted));
    }

    [Fact]
    public async Task AFileLeasedByAnotherIngesterIsLeftAlone()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv", BlocklistFile(5, 3));
        var lease = Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(
            h.Container.GetBlobClient($"inbox/blocklist.csv"));
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));

        var run = await h.RunAsync();

        Assert.Equal(1, run.Busy);
        Assert.Single(await h.BlobNamesAsync("inbox"));
        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist));
        await lease.ReleaseAsync();
    }

    [Fact]
    public async Task TheSameContentUnderAnotherNameWaitsWhileTheFirstFileIsStillToBeFinished()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var content = BlocklistFile(250, 4);
        await h.DropAsync("blocklist-z.csv", content);
        await h.Instance(tableFault: CrashAfter.Batches(1)).RunAsync(default);
        // Listed first, so it is looked at while z (killed mid-file, its content claimed) still waits in the inbox.
        await h.DropAsync("blocklist-a.csv", content);

        var waiting = await h.Instance(configure: o => o.MaxFilesPerRun = 1).RunAsync(default);

        Assert.Equal((0, 1), (waiting.Finished, waiting.Deferred));
        Assert.Equal(2, (await h.BlobNamesAsync("inbox")).Count);
        await h.RunAsync();
        await h.RunAsync();
        Assert.Empty(await h.BlobNamesAsync("inbox"));
        Assert.Equal("completed", (await h.SingleReportAsync("processed", "blocklist-z.csv")).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await h.SingleReportAsync("failed", "blocklist-a.csv")).GetProperty("status").GetString());
        Assert.Equal(250, (await h.RowsAsync(h.Tables.Blocklist)).Count);
    }

    [Fact]
    public async Task AFileDeletedFromTheInboxMidwayNoLongerHoldsItsContentAndItsImportSaysSo()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        var content = BlocklistFile(250, 5);
        await h.DropAsync("blocklist-a.csv", content);
        await h.Instance(tableFault: CrashAfter.Batches(1)).RunAsync(default);
        await h.Container.GetBlobClient($"inbox/blocklist-a.csv").DeleteAsync();
        await h.DropAsync("blocklist-b.csv", content);

        var run = await h.RunAsync();

        Assert.Equal(1, run.Finished);
        Assert.Equal(0, run.Deferred);
        var report = await h.SingleReportAsync("processed", "blocklist-b.csv");
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(250, report.GetProperty("applied").GetInt64());
        Assert.Equal(250, (await h.RowsAsync(h.Tables.Blocklist)).Count);
        var abandoned = (await h.RowsAsync(h.Tables.Imports)).Single(r => r.GetString("File") == "blocklist-a.csv");
        Assert.Equal("failed", abandoned.GetString("Status"));
        Assert.Contains("deleted or replaced", OrgFunctions.FileDrops.ImportRows.ReadReport(new OrgFunctions.FileDrops.ImportEntity { Report = abandoned.GetString("Report") })!.Problem);
    }
}
