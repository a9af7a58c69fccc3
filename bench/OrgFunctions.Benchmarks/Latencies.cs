using System.Diagnostics;

namespace OrgFunctions.Benchmarks;

/// <summary>Latency samples of one side of a comparison, with nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            throw new InvalidOperationException("No samples.");
        }
        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>The app's latency over the raw storage operation's, measured pairwise in the same run.</summary>
public sealed record Comparison(string What, string Baseline, Latencies App, Latencies Raw)
{
    public int Samples => Math.Min(App.Count, Raw.Count);
    public double RatioP50 => App.Percentile(50) / Raw.Percentile(50);
    public double RatioP99 => App.Percentile(99) / Raw.Percentile(99);
}
