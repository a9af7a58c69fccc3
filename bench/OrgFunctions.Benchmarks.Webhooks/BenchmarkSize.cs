namespace OrgFunctions.Benchmarks.Webhooks;

/// <summary>How much work each measurement does.</summary>
public sealed record BenchmarkSize(int Deliveries, int Concurrency, int Subscriptions, int FanOutEvents)
{
    public static readonly BenchmarkSize Full = new(Deliveries: 1000, Concurrency: 16, Subscriptions: 1000, FanOutEvents: 3);
    public static readonly BenchmarkSize Quick = new(Deliveries: 100, Concurrency: 16, Subscriptions: 100, FanOutEvents: 1);
}

/// <summary>One measurement: the app's path against the raw baseline, same work, same run.</summary>
public sealed record Measurement(string Name, int Operations, TimeSpan App, TimeSpan Raw)
{
    public double Ratio => App.TotalMilliseconds / Math.Max(0.001, Raw.TotalMilliseconds);
    public double AppPerSecond => Operations / App.TotalSeconds;
    public double RawPerSecond => Operations / Raw.TotalSeconds;
}

public sealed record BenchmarkReport(BenchmarkSize Size, IReadOnlyList<Measurement> Measurements)
{
    public string ToText() => string.Join(Environment.NewLine, Measurements.Select(m =>
        $"{m.Name}: {m.Operations} ops, app {m.App.TotalMilliseconds:0} ms ({m.AppPerSecond:0}/s), raw {m.Raw.TotalMilliseconds:0} ms " +
        $"({m.RawPerSecond:0}/s), ratio {m.Ratio:0.00}x"));
}
