namespace OrgFunctions.Benchmarks.Tests;

public class BenchmarkQuickRunTests
{
    [Fact]
    public async Task TheQuickRunMeasuresEveryComparisonAndReportsItAsRatios()
    {
        var options = BenchmarkOptions.Quick;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // Throws if the app's listing and the raw range query don't return the same rows in the same order.
        var result = await BenchmarkRun.RunAsync(options, TextWriter.Null, cancel.Token);
        var report = BenchmarkReport.Format(result);

        Assert.Equal(options.TreeSize, result.TreeSize);
        Assert.True(result.PartitionEntities > 2 * (options.TreeSize - 1), $"{result.PartitionEntities} entities");
        // Issue 18's rows (GET, then each page size), then the app's own work per org.
        Assert.Equal(1 + options.PageSizes.Count + 1, result.Comparisons.Count);
        Assert.Equal(options.PointReadSamples, result.Comparisons[0].Samples);
        Assert.All(result.Comparisons.Skip(1).Take(options.PageSizes.Count), c => Assert.Equal(options.ListingSamples, c.Samples));
        Assert.Equal(options.RowToJsonSamples, result.Comparisons[^1].Samples);
        Assert.All(result.Comparisons, c =>
        {
            Assert.True(double.IsFinite(c.RatioP50) && c.RatioP50 > 0, $"{c.What}: p50 ratio {c.RatioP50}");
            Assert.True(double.IsFinite(c.RatioP99) && c.RatioP99 > 0, $"{c.What}: p99 ratio {c.RatioP99}");
            Assert.Contains($"| {c.What} |", report, StringComparison.Ordinal);
        });
        Assert.Contains("p50 ratio", report, StringComparison.Ordinal);
        var throughput = Assert.Single(result.Throughputs);
        Assert.Equal((options.ConcurrentRounds, options.Concurrency), (throughput.Rounds, throughput.Concurrency));
        Assert.True(double.IsFinite(throughput.MedianRatio) && throughput.MedianRatio > 0, $"throughput ratio {throughput.MedianRatio}");
        Assert.Contains($"| {throughput.What} |", report, StringComparison.Ordinal);
    }
}
