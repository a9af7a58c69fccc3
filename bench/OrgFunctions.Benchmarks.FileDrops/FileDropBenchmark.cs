using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.FileDrops;
using OrgFunctions.Signup;
using OrgFunctions.Storage;

namespace OrgFunctions.Benchmarks.FileDrops;

public sealed record FileDropBenchmarkResult(int Rows, long Applied, TimeSpan Ingest, TimeSpan RawInserts, TimeSpan RawBefore, TimeSpan RawAfter)
{
    public double IngestRowsPerSecond => Rows / Ingest.TotalSeconds;
    public double RawRowsPerSecond => Rows / RawInserts.TotalSeconds;

    /// <summary>Ingest throughput as a fraction of raw batched inserts of the same entities (1.0 = as fast as raw).</summary>
    public double Ratio => IngestRowsPerSecond / RawRowsPerSecond;

    public override string ToString() =>
        $"{Rows} rows: ingest {IngestRowsPerSecond:F0} rows/s ({Ingest.TotalSeconds:F2} s), raw batched inserts {RawRowsPerSecond:F0} rows/s " +
        $"({RawInserts.TotalSeconds:F2} s: mean of {RawBefore.TotalSeconds:F2} s before and {RawAfter.TotalSeconds:F2} s after); ratio ingest/raw = {Ratio:F2}";
}

/// <summary>
/// Ingests a generated blocklist file of <c>rows</c> rows through the real file-drop run (lease, validation pass, apply
/// pass in 100-entity transactions, report, move), then writes the same entities to another org's partition of the same
/// table as raw 100-entity upsert transactions, and compares. Both on the same Azurite in the same run.
/// </summary>
public static class FileDropBenchmark
{
    public static async Task<FileDropBenchmarkResult> RunAsync(string connectionString, int rows, CancellationToken cancellationToken = default,
        ILoggerFactory? log = null, Action<string>? progress = null)
    {
        var container = "bench" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FileDrops:Container"] = container,
            ["FileDrops:MaxFileBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(new TableServiceClient(connectionString));
        services.AddSingleton(new BlobServiceClient(connectionString));
        services.AddSingleton(log ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddOrgManagement();
        services.AddFileDrops(configuration);
        await using var provider = services.BuildServiceProvider();

        var signup = await provider.GetRequiredService<SignupService>().SignUpAsync(
            new SignupRequest(OrgName.Create("Bench " + container), $"bench-{container}@example.com", "Bench"), cancellationToken);
        var orgId = signup.Value!.Org.Id;
        var blobs = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(container);
        await blobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await blobs.GetBlobClient($"{orgId}/inbox/blocklist-bench.csv").UploadAsync(new BlocklistCsv(rows), overwrite: true, cancellationToken);
        var tables = provider.GetRequiredService<OrgDataTables>();
        await tables.EnsureCreatedAsync();

        var rawBefore = await RawInsertsAsync(tables, rows, cancellationToken);
        progress?.Invoke($"raw batched inserts (before): {rawBefore.TotalSeconds:F2} s");
        var ingest = Stopwatch.StartNew();
        var summary = await provider.GetRequiredService<FileDropRun>().RunAsync(cancellationToken);
        ingest.Stop();
        if (summary.Finished != 1)
        {
            throw new InvalidOperationException($"The benchmark file was not ingested: {summary}.");
        }
        var report = await ReportAsync(blobs, orgId, cancellationToken);
        progress?.Invoke($"ingest: {ingest.Elapsed.TotalSeconds:F2} s, {report.Applied} rows applied");

        var rawAfter = await RawInsertsAsync(tables, rows, cancellationToken);
        // Raw inserts are measured before and after the ingest (each into a fresh partition), and averaged, so that a
        // table or store that slows as it fills doesn't favour whichever runs first.
        return new FileDropBenchmarkResult(rows, report.Applied, ingest.Elapsed, (rawBefore + rawAfter) / 2, rawBefore, rawAfter);
    }

    private static async Task<TimeSpan> RawInsertsAsync(OrgDataTables tables, int rows, CancellationToken cancellationToken)
    {
        var rawPartition = OrgId.New().Value;
        var now = DateTimeOffset.UtcNow;
        var raw = Stopwatch.StartNew();
        var batch = new List<TableTransactionAction>(100);
        for (var i = 0; i < rows; i++)
        {
            var entry = new BlockEntry(Channel.Sms, BlocklistCsv.Identifier(i), "benchmark", null, now, "file");
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, BlocklistRow.Create(rawPartition, entry, now)));
            if (batch.Count == 100 || i == rows - 1)
            {
                await tables.Blocklist.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        return raw.Elapsed;
    }

    private static async Task<ImportReport> ReportAsync(BlobContainerClient blobs, string orgId, CancellationToken cancellationToken)
    {
        await foreach (var item in blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None,
                           $"{orgId}/processed/", cancellationToken))
        {
            if (item.Name.EndsWith(".report.json", StringComparison.Ordinal))
            {
                var content = await blobs.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
                return System.Text.Json.JsonSerializer.Deserialize<ImportReport>(content.Value.Content.ToString(), ReportJson.Options)!;
            }
        }
        throw new InvalidOperationException("No report was written for the benchmark file.");
    }
}
