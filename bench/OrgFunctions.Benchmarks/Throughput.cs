using System.Diagnostics;

namespace OrgFunctions.Benchmarks;

/// <summary>
/// Requests per second of one side of a throughput comparison, one figure per round: a fixed number of calls spread
/// over a fixed number of concurrent workers, timed from the first call to the last answer.
/// </summary>
public sealed class Throughput
{
    private readonly List<double> _perSecond = [];

    public IReadOnlyList<double> PerSecond => _perSecond;

    public async Task RoundAsync(int concurrency, int calls, Func<int, Task> call)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                await call(i);
            }
        }));
        Record(calls / Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>One round's figure measured elsewhere (tests of the arithmetic).</summary>
    public void Record(double perSecond) => _perSecond.Add(perSecond);
}

/// <summary>
/// The app's throughput over the raw operation's at the same concurrency, round by round (the two sides of a round run
/// back to back on the same rows); the median of the per-round ratios is the figure, so one noisy round can't carry it.
/// </summary>
public sealed record ThroughputComparison(string What, string Baseline, int Concurrency, int CallsPerRound, Throughput App, Throughput Raw)
{
    public int Rounds => Math.Min(App.PerSecond.Count, Raw.PerSecond.Count);

    public double MedianRatio
    {
        get
        {
            if (Rounds == 0)
            {
                throw new InvalidOperationException("No rounds.");
            }
            var ratios = Enumerable.Range(0, Rounds).Select(i => App.PerSecond[i] / Raw.PerSecond[i]).Order().ToList();
            return ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
        }
    }

    public double MedianApp => Median(App.PerSecond);

    public double MedianRaw => Median(Raw.PerSecond);

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
