namespace OrgFunctions.Benchmarks.Tests;

public class ThroughputTests
{
    [Fact]
    public async Task ARoundMakesEachCallOnceWithNoMoreThanTheGivenConcurrency()
    {
        var calls = new int[100];
        var (inFlight, most) = (0, 0);
        var throughput = new Throughput();

        await throughput.RoundAsync(concurrency: 8, calls: calls.Length, async i =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            Interlocked.Increment(ref calls[i]);
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
        });

        Assert.All(calls, count => Assert.Equal(1, count));
        Assert.InRange(most, 1, 8);
        Assert.True(Assert.Single(throughput.PerSecond) > 0);
    }

    [Fact]
    public void TheFigureIsTheMedianOfThePerRoundRatiosNotTheRatioOfMedians()
    {
        var comparison = new ThroughputComparison("app", "raw", 2, 10, With(100, 300, 50), With(100, 100, 100));

        // Per-round ratios 1, 3, 0.5: the median is 1.
        Assert.Equal(1.0, comparison.MedianRatio, 6);
        Assert.Equal((100.0, 100.0), (comparison.MedianApp, comparison.MedianRaw));
    }

    [Fact]
    public void AComparisonWithoutRoundsHasNoRatio() =>
        Assert.Throws<InvalidOperationException>(() => new ThroughputComparison("app", "raw", 2, 10, new Throughput(), new Throughput()).MedianRatio);

    private static Throughput With(params double[] perSecond)
    {
        var throughput = new Throughput();
        foreach (var value in perSecond)
        {
            throughput.Record(value);
        }
        return throughput;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
