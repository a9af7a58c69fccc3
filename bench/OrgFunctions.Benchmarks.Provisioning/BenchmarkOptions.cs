namespace OrgFunctions.Benchmarks.Provisioning;

/// <summary>How big the parent is and how many timed samples of each kind to take (after one untimed warm-up each).</summary>
public sealed record BenchmarkOptions(int CustomRoles, int Templates, int Samples)
{
    /// <summary>The figure: a parent with 50 roles and 100 templates.</summary>
    public static readonly BenchmarkOptions Full = new(50, 100, 10);

    /// <summary>For the test that keeps the benchmark working: small and fast, numbers not meaningful.</summary>
    public static readonly BenchmarkOptions Quick = new(5, 10, 2);
}

/// <summary>
/// Medians in milliseconds, and their ratio (provisioning over raw storage work); the same steps called directly, without
/// the engine, split the ratio into the steps' own work and the engine's share.
/// </summary>
public sealed record BenchmarkResult(int Samples, double ProvisioningMedianMs, double RawMedianMs, double Ratio,
    IReadOnlyList<double> ProvisioningMs, IReadOnlyList<double> RawMs, double StepsMedianMs, IReadOnlyList<double> StepsMs);
