using OrgFunctions.Benchmarks.Provisioning;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Benchmarks.Tests.Provisioning;

// Inside the namespace: from here OrgFunctions.Benchmarks.BenchmarkOptions (the listing benchmark's) would win otherwise.
using BenchmarkOptions = OrgFunctions.Benchmarks.Provisioning.BenchmarkOptions;

/// <summary>Keeps bench/OrgFunctions.Benchmarks.Provisioning working: its quick mode, on the shared Azurite. Timings aren't asserted.</summary>
public sealed class ProvisioningBenchmarkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheQuickModeMeasuresEveryKindAndPrintsTheRatiosWithSampleCounts()
    {
        var output = new StringWriter();

        var result = await ProvisioningBenchmark.RunAsync(BenchmarkOptions.Quick, azurite.ConnectionString, output);

        Assert.Equal(BenchmarkOptions.Quick.Samples, result.ProvisioningMs.Count);
        Assert.Equal(BenchmarkOptions.Quick.Samples, result.RawMs.Count);
        Assert.Equal(BenchmarkOptions.Quick.Samples, result.StepsMs.Count);
        Assert.True(result.Ratio > 0 && double.IsFinite(result.Ratio));
        Assert.Contains($"ratio provisioning / raw: {result.Ratio:F1}x (medians, n={BenchmarkOptions.Quick.Samples} each)", output.ToString());
        Assert.Contains("of which the steps' own work / raw: ", output.ToString());
    }
}
