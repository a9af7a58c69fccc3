namespace OrgFunctions.Benchmarks;

/// <summary>
/// The size of one run. The tree is root → regions → areas → leaves, filled region by region up to
/// <see cref="TreeSize"/> orgs; the first region's subtree (<see cref="SubtreeSize"/> orgs below it) is the one listed.
/// </summary>
public sealed record BenchmarkOptions(
    string Name,
    int TreeSize,
    int AreasPerRegion,
    int LeavesPerArea,
    int Warmup,
    int PointReadSamples,
    int ListingSamples,
    IReadOnlyList<int> PageSizes,
    int RowToJsonSamples,
    int Concurrency,
    int ConcurrentCallsPerRound,
    int ConcurrentRounds)
{
    /// <summary>10,000 orgs, a 1,000-org subtree; sized to finish within a few minutes on 2 cores.</summary>
    public static BenchmarkOptions Full { get; } = new("full", TreeSize: 10_000, AreasPerRegion: 10, LeavesPerArea: 99,
        Warmup: 100, PointReadSamples: 800, ListingSamples: 20, PageSizes: [100, 1000], RowToJsonSamples: 200,
        Concurrency: 32, ConcurrentCallsPerRound: 2_000, ConcurrentRounds: 7);

    /// <summary>A tiny tree and a few samples: proves the benchmark still runs end to end (tested), measures nothing.</summary>
    public static BenchmarkOptions Quick { get; } = new("quick", TreeSize: 120, AreasPerRegion: 4, LeavesPerArea: 9,
        Warmup: 3, PointReadSamples: 20, ListingSamples: 3, PageSizes: [10, 1000], RowToJsonSamples: 5,
        Concurrency: 8, ConcurrentCallsPerRound: 32, ConcurrentRounds: 2);

    /// <summary>Orgs below a full region (areas and their leaves).</summary>
    public int SubtreeSize => AreasPerRegion * (1 + LeavesPerArea);

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = Full;
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => Quick,
                "--samples" when i + 1 < args.Count => options with { PointReadSamples = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) },
                "--concurrent-rounds" when i + 1 < args.Count => options with { ConcurrentRounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) },
                "--row-samples" when i + 1 < args.Count => options with { RowToJsonSamples = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) },
                "--listing-samples" when i + 1 < args.Count => options with { ListingSamples = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --quick, --samples N, --listing-samples N, --row-samples N, --concurrent-rounds N."),
            };
        }
        if (options.TreeSize < 2 + options.SubtreeSize)
        {
            throw new ArgumentException("The tree must hold at least the root, one region and its subtree.");
        }
        return options;
    }
}
