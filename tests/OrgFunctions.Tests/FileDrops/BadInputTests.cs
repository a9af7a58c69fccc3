using System.Text;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>Every kind of bad drop ends in failed/ with a report that says why, and never stops the run.</summary>
public class BadInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<string> ProblemOfAsync(string fileName, byte[] content, Action<OrgFunctions.FileDrops.FileDropOptions>? configure = null)
    {
        var h = await FileDropHarness.CreateAsync(azurite, configure);
        await h.DropAsync(fileName, content);
        var run = await h.RunAsync();
        Assert.Equal(1, run.Finished);
        Assert.Empty(await h.BlobNamesAsync("inbox"));
        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist));
        var report = Assert.Single(await h.ReportsAsync("failed"));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        return report.GetProperty("problem").GetString()!;
    }

    private Task<string> ProblemOfAsync(string fileName, string content) => ProblemOfAsync(fileName, Encoding.UTF8.GetBytes(content));

    [Fact]
    public async Task ZeroByteFile() => Assert.Contains("zero bytes", await ProblemOfAsync("blocklist.csv", ""));

    [Fact]
    public async Task EmptyFileWithOnlyABomAndBlankLines() =>
        Assert.Contains("empty", await ProblemOfAsync("blocklist.csv", "\uFEFF\n\n"));

    [Fact]
    public async Task HeaderOnly() => Assert.Contains("no data rows", await ProblemOfAsync("blocklist.csv", "channel,identifier,reason,until\n"));

    [Fact]
    public async Task MissingAndUnknownColumnsAreNamed()
    {
        var problem = await ProblemOfAsync("blocklist.csv", "channel,phone,=cmd()\nsms,+353871234567,x\n");
        Assert.Contains("missing column(s): identifier", problem);
        Assert.Contains("unknown column(s): phone, '=cmd()", problem);
    }

    [Fact]
    public async Task WrongDelimiter() =>
        Assert.Contains("comma-separated", await ProblemOfAsync("blocklist.csv", "channel;identifier;reason;until\nsms;+353871234567;;\n"));

    [Fact]
    public async Task InvalidUtf8IsNamedWithItsLine()
    {
        var problem = await ProblemOfAsync("blocklist.csv",
            [.. "channel,identifier\nsms,+353871234567\nsms,+3538712"u8.ToArray(), 0xC3, 0x28, .. "4567\n"u8.ToArray()]);

        Assert.Contains("not valid UTF-8", problem);
        Assert.Contains("line 3", problem);
    }

    [Fact]
    public async Task AUtf16FileIsNotReadAsUtf8() =>
        Assert.Contains("not valid UTF-8", await ProblemOfAsync("blocklist.csv",
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("channel,identifier\nsms,+353871234567\n")]));

    [Fact]
    public async Task TheSizeLimitIsConfigurable()
    {
        var problem = await ProblemOfAsync("blocklist.csv", Encoding.UTF8.GetBytes("channel,identifier\n" + new string('x', 5000)),
            o => o.MaxFileBytes = 4096);
        Assert.Contains("limit is 4096", problem);
        Assert.Contains("not read", problem);
    }

    [Fact]
    public async Task ARealTwoHundredMegabyteFileIsRefusedUnderTheDefaultLimitAndTheRunGoesOn()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        // Uploaded in 8 MiB blocks from a stream generated as it is read, as an SFTP client would stream it.
        await h.Container.GetBlobClient($"inbox/blocklist-huge.csv").UploadAsync(new GeneratedCsvStream(8_400_000), overwrite: true);
        await h.DropAsync("blocklist-small.csv", "channel,identifier\nsms,+353871234567\n");

        var run = await h.RunAsync();

        Assert.Equal(2, run.Finished);
        Assert.Empty(await h.BlobNamesAsync("inbox"));
        var report = await h.SingleReportAsync("failed", "blocklist-huge.csv");
        Assert.Contains($"limit is {100L * 1024 * 1024}", report.GetProperty("problem").GetString());
        Assert.Contains("not read", report.GetProperty("problem").GetString());
        Assert.Equal(0, report.GetProperty("rowsRead").GetInt64());
        var moved = h.Container.GetBlobClient(report.GetProperty("movedTo").GetString()!);
        Assert.True((await moved.GetPropertiesAsync()).Value.ContentLength >= 200L * 1024 * 1024);
        // The file beside it in the same run is applied: a refused file never stops the others.
        Assert.Equal("completed", (await h.SingleReportAsync("processed", "blocklist-small.csv")).GetProperty("status").GetString());
        Assert.Single(await h.RowsAsync(h.Tables.Blocklist));
    }

    [Fact]
    public async Task ARowOver64KbIsAnErrorOnItsLine()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv", "channel,identifier,reason\nsms,+353871234567,ok\nsms,+353871234568," + new string('r', 70_000) + "\nsms,+353871234569,ok\n");
        await h.RunAsync();

        var report = Assert.Single(await h.ReportsAsync("failed"));
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt64());
        Assert.Contains("longer than 65536 bytes", error.GetProperty("reason").GetString());
        Assert.Equal(3, report.GetProperty("rowsRead").GetInt64());
    }

    [Fact]
    public async Task FormulaCellsAreNeutralisedInReports()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv", "channel,identifier\n=HYPERLINK(\"http://x\"),+353871234567\nsms,@SUM(A1)\nsms,+cmd|' /C calc'!A0\nsms,-2+3\n");
        await h.RunAsync();

        var values = Assert.Single(await h.ReportsAsync("failed")).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("value").GetString()!).ToList();
        Assert.Equal(4, values.Count);
        Assert.All(values, v => Assert.StartsWith("'", v));
        Assert.Equal("'=HYPERLINK(\"http://x\")", values[0]);
    }

    [Fact]
    public async Task UsersFilesAreRefusedUntilTheUsersFeatureExists() =>
        Assert.Contains("users feature doesn't exist yet", await ProblemOfAsync("users-march.csv", "email,displayName,role\na@b.c,A,member\n"));

    [Fact]
    public async Task UnknownKindsListTheSupportedKinds()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("contacts.xlsx", "whatever");
        await h.RunAsync();

        var report = Assert.Single(await h.ReportsAsync("failed"));
        Assert.Contains("Unknown file kind", report.GetProperty("problem").GetString());
        var kinds = report.GetProperty("supportedKinds").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.Contains(kinds, k => k.StartsWith("blocklist*.csv", StringComparison.Ordinal));
        Assert.Contains(kinds, k => k.StartsWith("smart-phrases*.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PathTricksInNamesAreRefusedAndMovedUnderASafeName()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        // A URI collapses "a/../b" before it reaches storage, so the tricks that can land in a blob name are these.
        await h.DropAsync("..\\..\\other-org\\blocklist.csv", "channel,identifier\nsms,+353871234567\n");
        await h.DropAsync("sub/blocklist.csv", "channel,identifier\nsms,+353871234568\n");
        await h.DropAsync("..blocklist.csv", "channel,identifier\nsms,+353871234569\n");
        Assert.Equal(3, (await h.BlobNamesAsync("inbox")).Count);
        var run = await h.RunAsync();

        // The first can be listed but never addressed (every URI loses its dot segments): recorded (set aside), not blocking.
        Assert.Equal(2, run.Listed);
        Assert.Equal(2, run.Finished);
        Assert.Equal(1, run.SetAside);
        Assert.Single(await h.BlobNamesAsync("inbox"));

        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist));
        var failed = await h.BlobNamesAsync("failed");
        Assert.Equal(5, failed.Count); // two files with their reports, and the report of the one set aside
        Assert.All(failed, n => Assert.DoesNotContain("..", n));
        Assert.All(failed, n => Assert.Equal(3, n.Split('/').Length));
        var problems = (await h.ReportsAsync("failed")).Select(r => r.GetProperty("problem").GetString()!).ToList();
        Assert.Equal(2, problems.Count(p => p.Contains("not a plain file name", StringComparison.Ordinal)));
        Assert.Single(problems, p => p.Contains("no request can address it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyFilesAreWorkedOffInBoundedRunsAndOneBadFileNeverStopsTheOthers()
    {
        var h = await FileDropHarness.CreateAsync(azurite, o => o.MaxFilesPerRun = 5);
        for (var i = 0; i < 12; i++)
        {
            var content = i % 3 == 0 ? "garbage" : $"channel,identifier\nsms,+3538712345{i:D2}\n";
            await h.DropAsync($"blocklist-{i:D2}.csv", content);
        }

        var first = await h.RunAsync();
        var second = await h.RunAsync();
        var third = await h.RunAsync();

        Assert.Equal([5, 5, 2], new[] { first.Finished, second.Finished, third.Finished });
        Assert.Equal(8, (await h.ReportsAsync("processed")).Count);
        Assert.Equal(4, (await h.ReportsAsync("failed")).Count);
        Assert.Equal(8, (await h.RowsAsync(h.Tables.Blocklist)).Count);
    }

    [Fact]
    public async Task HundredsOfFilesAtOnceAreWorkedOffFiftyPerRunWithEachReported()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        // 300 files: every third one zero bytes, the rest one sender each.
        for (var start = 0; start < 300; start += 50)
        {
            await Task.WhenAll(Enumerable.Range(start, 50).Select(i => h.DropAsync($"blocklist-{i:D3}.csv",
                i % 3 == 0 ? "" : $"channel,identifier\nsms,+353871{i:D6}\n")));
        }

        var runs = new List<int>();
        while (runs.Count < 10 && (await h.BlobNamesAsync("inbox")).Count > 0)
        {
            runs.Add((await h.RunAsync()).Finished);
        }

        Assert.Equal([50, 50, 50, 50, 50, 50], runs);
        Assert.Equal(200, (await h.RowsAsync(h.Tables.Blocklist)).Count);
        Assert.Equal(200, (await h.BlobNamesAsync("processed")).Count / 2);
        Assert.Equal(100, (await h.BlobNamesAsync("failed")).Count / 2);
    }

    [Fact]
    public async Task AnUnterminatedQuoteFailsTheFile()
    {
        var h = await FileDropHarness.CreateAsync(azurite);
        await h.DropAsync("blocklist.csv", "channel,identifier,reason\nsms,+353871234567,\"never closed\n");
        await h.RunAsync();

        var report = Assert.Single(await h.ReportsAsync("failed"));
        Assert.Contains("never closed", report.GetProperty("errors")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AQuoteNeverClosedEarlyInALargeFileIsAnErrorOnItsLineNotTheRestOfTheFileAsOneField()
    {
        var h = await FileDropHarness.CreateAsync(azurite, o => o.MaxRowBytes = 1024);
        var rows = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"sms,+353{i:D10},ok\n"));
        await h.DropAsync("blocklist.csv", "channel,identifier,reason\nsms,+353871234567,\"oops\n" + rows);
        await h.RunAsync();

        var report = Assert.Single(await h.ReportsAsync("failed"));
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt64());
        Assert.Contains("never closed", error.GetProperty("reason").GetString());
        Assert.Equal(1, report.GetProperty("rowsRead").GetInt64());
        Assert.Empty(await h.RowsAsync(h.Tables.Blocklist));
    }
}
