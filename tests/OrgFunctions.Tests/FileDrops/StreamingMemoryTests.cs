using OrgFunctions.FileDrops;
using Xunit.Abstractions;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>
/// Peak memory while a file streams through the validator (what every file goes through before anything is applied).
/// Measured: the live managed heap (after a full collection) at checkpoints while rows are read, against the heap before
/// the first row. Files are generated as they are read and never stored. The heap is the process's, so these run alone:
/// another test class allocating at the same time would count as this file's memory.
/// </summary>
[CollectionDefinition(nameof(StreamingMemoryTests), DisableParallelization = true)]
public sealed class StreamingMemoryCollection;

[Collection(nameof(StreamingMemoryTests))]
public class StreamingMemoryTests(ITestOutputHelper output)
{
    private static readonly FileDropOptions Options = new() { MaxFileBytes = long.MaxValue };

    private async Task<(long PeakGrowth, long Bytes, long Rows)> MeasureAsync(int rows, int reasonLength)
    {
        long peak = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var stream = new GeneratedCsvStream(rows, reasonLength,
            () => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline));
        var scan = await FileScanner.ScanAsync(stream, new BlocklistFileSchema(), Options, DateTimeOffset.UtcNow, null, default);
        Assert.Null(scan.FileProblem);
        Assert.Equal(rows, scan.RowsRead);
        return (peak, stream.Produced, scan.RowsRead);
    }

    [Fact]
    public async Task AMillionRowFileStreamsWithLiveMemoryFarBelowItsSize()
    {
        var (peak, bytes, rows) = await MeasureAsync(1_000_000, 4);

        output.WriteLine($"{rows} rows, {bytes / 1048576.0:F1} MiB streamed; peak live heap growth {peak / 1048576.0:F1} MiB");
        // What grows is the duplicate check (8-byte slots, at most half full: 2^21 slots = 16 MiB at 1M keys), never the rows.
        Assert.True(peak < 24L * 1024 * 1024, $"peak live heap growth {peak} bytes");
    }

    [Fact]
    public async Task MemoryDoesNotGrowWithRowSize()
    {
        var (small, smallBytes, _) = await MeasureAsync(100_000, 4);
        // 2,000-character reasons are over the 200 limit: every row is an error, counted, and the first 50 listed.
        var (large, largeBytes, _) = await MeasureAsync(100_000, 2_000);

        output.WriteLine($"{smallBytes / 1048576.0:F1} MiB file: {small / 1048576.0:F1} MiB; {largeBytes / 1048576.0:F1} MiB file: {large / 1048576.0:F1} MiB");
        Assert.True(largeBytes > 50 * smallBytes, $"{smallBytes} vs {largeBytes}");
        Assert.True(large < small + 2L * 1024 * 1024, $"small {small}, large {large}");
    }
}
