using OrgFunctions.Benchmarks.FileDrops;
using OrgFunctions.Testing.Azurite;
using Xunit.Abstractions;

namespace OrgFunctions.Benchmarks.Tests.FileDrops;

/// <summary>The benchmark in quick mode: it runs end to end and its ingest applies every row (no timing is asserted).</summary>
public class FileDropBenchmarkQuickTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task QuickModeIngestsEveryRowAndReportsARatioOverRawInserts()
    {
        var result = await FileDropBenchmark.RunAsync(azurite.ConnectionString, 1_000);

        output.WriteLine(result.ToString());
        Assert.Equal(1_000, result.Applied);
        Assert.True(result.Ratio > 0);
    }
}
