using OrgFunctions.Benchmarks.FileDrops;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Benchmarks.Tests.FileDrops;

/// <summary>The benchmark runs on Azurite with eng/azurite/row-key-first.cjs (its own setting) and applies every row.</summary>
public sealed class FileDropBenchmarkOnIndexedAzuriteTests : IDisposable
{
    private readonly AzuriteServer _server = AzuriteServer.Start(indexedPointLookups: true);

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task TheFileDropBenchmarkRunsOnItAndAppliesEveryRow()
    {
        var result = await FileDropBenchmark.RunAsync(_server.ConnectionString, 2_000);

        Assert.Equal(2_000, result.Applied);
    }
}
