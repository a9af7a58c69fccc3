namespace OrgFunctions.Benchmarks.Tests;

public class LatenciesTests
{
    private static async Task<Latencies> SamplesAsync(int count)
    {
        var latencies = new Latencies();
        for (var i = 0; i < count; i++)
        {
            await latencies.TimeAsync(() => Task.FromResult(i));
        }
        return latencies;
    }

    [Fact]
    public async Task EveryTimedCallIsOneSample()
    {
        var latencies = await SamplesAsync(7);

        Assert.Equal(7, latencies.Count);
        Assert.True(latencies.Percentile(0) <= latencies.Percentile(50));
        Assert.True(latencies.Percentile(50) <= latencies.Percentile(99));
    }

    [Fact]
    public void APercentileOfNoSamplesIsAnError() =>
        Assert.Throws<InvalidOperationException>(() => new Latencies().Percentile(50));

    [Fact]
    public void TheComparisonCountsOnlyPairsBothSidesMeasured()
    {
        var comparison = new Comparison("a", "b", new Latencies(), new Latencies());

        Assert.Equal(0, comparison.Samples);
    }
}
