using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrgFunctions.Email;
using OrgFunctions.Secrets;
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
/// pass in 100-entity transactions, report, move) into the empty Blocklist table, and writes the same entities as raw
/// 100-entity upsert transactions into an empty table before and after it, and compares. All on the same storage in the
/// same run.
/// </summary>
public static class FileDropBenchmark
{
    public static async Task<FileDropBenchmarkResult> RunAsync(string connectionString, int rows, CancellationToken cancellationToken = default,
        ILoggerFactory? log = null, Action<string>? progress = null)
    {
        // A prefix of its own, so the run visits this benchmark's org home only.
        var container = "bench" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FileDrops:ContainerPrefix"] = container + "-",
            ["FileDrops:MaxFileBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(new TableServiceClient(connectionString));
        services.AddSingleton(new BlobServiceClient(connectionString));
        services.AddSingleton(log ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSecretProtection(configuration);
        services.AddEmail(configuration);
        services.AddOrgManagement();
        services.AddFileDrops(configuration);
        await using var provider = services.BuildServiceProvider();

        var signup = await provider.GetRequiredService<SignupService>().SignUpAsync(
            new SignupRequest(OrgName.Create("Bench " + container), $"bench-{container}@example.com", "Bench"), cancellationToken);
        var orgId = signup.Value!.Org.Id;
        // Sign-up made the org's home.
        var blobs = provider.GetRequiredService<FileDropHomes>().Container(OrgId.Parse(orgId));
        await blobs.GetBlobClient("inbox/blocklist-bench.csv").UploadAsync(new BlocklistCsv(rows), overwrite: true, cancellationToken);
        await provider.GetRequiredService<OrgDataTables>().EnsureCreatedAsync();
        var service = provider.GetRequiredService<TableServiceClient>();

        var rawBefore = await RawInsertsAsync(service, orgId, rows, cancellationToken);
        progress?.Invoke("raw batched inserts (before): done");
        var ingest = Stopwatch.StartNew();
        var summary = await provider.GetRequiredService<FileDropRun>().RunAsync(cancellationToken);
        ingest.Stop();
        if (summary.Finished != 1)
        {
            throw new InvalidOperationException($"The benchmark file was not ingested: {summary}.");
        }
        var report = await ReportAsync(blobs, orgId, cancellationToken);
        progress?.Invoke($"ingest: done, {report.Applied} rows applied");

        var rawAfter = await RawInsertsAsync(service, orgId, rows, cancellationToken);
        // Raw inserts are measured before and after the ingest, and averaged, so that warming up (the JIT, connection
        // pools) doesn't favour whichever runs second.
        return new FileDropBenchmarkResult(rows, report.Applied, ingest.Elapsed, (rawBefore + rawAfter) / 2, rawBefore, rawAfter);
    }

    /// <summary>
    /// The file's entities (same PartitionKey, RowKeys and properties as the ingest writes) as raw 100-entity upsert
    /// transactions into a fresh table, which is then dropped: every pass starts from an empty table, so neither the
    /// store's growth nor the order of the passes favours one of them.
    /// </summary>
    private static async Task<TimeSpan> RawInsertsAsync(TableServiceClient service, string orgId, int rows, CancellationToken cancellationToken)
    {
        var name = "BenchRaw" + Guid.NewGuid().ToString("N")[..12];
        await service.CreateTableIfNotExistsAsync(name, cancellationToken);
        var table = service.GetTableClient(name);
        var now = DateTimeOffset.UtcNow;
        var raw = Stopwatch.StartNew();
        var batch = new List<TableTransactionAction>(100);
        for (var i = 0; i < rows; i++)
        {
            var entry = new BlockEntry(Channel.Sms, BlocklistCsv.Identifier(i), "benchmark", null, now, "file");
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, BlocklistRow.Create(orgId, entry, now)));
            if (batch.Count == 100 || i == rows - 1)
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        raw.Stop();
        await service.DeleteTableAsync(name, cancellationToken);
        return raw.Elapsed;
    }

    private static async Task<ImportReport> ReportAsync(BlobContainerClient blobs, string orgId, CancellationToken cancellationToken)
    {
        await foreach (var item in blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None,
                           "processed/", cancellationToken))
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
