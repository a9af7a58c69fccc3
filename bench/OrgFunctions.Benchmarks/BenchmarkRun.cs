using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Testing;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Benchmarks;

/// <summary>What one run measured, and on what.</summary>
public sealed record BenchmarkResult(BenchmarkOptions Options, int TreeSize, int PartitionEntities, IReadOnlyList<Comparison> Comparisons,
    IReadOnlyList<ThroughputComparison> Throughputs, TimeSpan TreeWriteDuration, TimeSpan Duration);

/// <summary>
/// One run: its own in-memory Azurite on free ports, the app in process on the local host, a root org signed up over
/// HTTP, the rest of the tree written straight to storage, then the measured pairs.
/// </summary>
public static class BenchmarkRun
{
    public static async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var azurite = AzuriteServer.Start();
        var host = LocalFunctionsHost.Create(
        [
            "--port", "0",
            "--settings", Path.Combine(RepoPaths.Root, "local.settings.sample.json"),
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await host.StartAsync(cancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var (rootId, apiKey) = await SignUpAsync(client, cancellationToken);
            var root = await host.Services.GetRequiredService<OrgStore>().GetAsync(new OrgLocation(rootId, OrgPath.Root(rootId)), cancellationToken)
                ?? throw new InvalidOperationException("The signed-up root org can't be read.");

            progress.WriteLine($"Writing a tree of {options.TreeSize:N0} orgs to Azurite...");
            var writing = Stopwatch.GetTimestamp();
            var tree = await new TreeWriter(host.Services.GetRequiredService<OrgTables>()).WriteAsync(root, options, cancellationToken);
            var treeWriteDuration = Stopwatch.GetElapsedTime(writing);
            // The raw side uses its own client, as any other reader of the table would.
            var storage = new TableServiceClient(azurite.ConnectionString);
            var orgs = storage.GetTableClient(TableNames.Orgs);
            var entities = await CountPartitionAsync(orgs, rootId.Value, cancellationToken);

            var measurements = new Measurements(client, apiKey, orgs, tree);
            var comparisons = new List<Comparison>();
            progress.WriteLine($"Measuring GET /api/orgs/{{id}}: {options.Warmup} warm-up rounds, then {options.PointReadSamples:N0} rounds...");
            comparisons.Add(await measurements.GetOrgAsync(options.Warmup, options.PointReadSamples, cancellationToken));
            foreach (var pageSize in options.PageSizes)
            {
                progress.WriteLine($"Measuring the subtree listing at {pageSize}/page: {options.ListingSamples} rounds...");
                comparisons.Add(await measurements.ListSubtreeAsync(pageSize, Math.Max(1, options.Warmup / 20), options.ListingSamples, cancellationToken));
            }
            progress.WriteLine($"Measuring the app's own work per org (rows to a page's JSON, in process): {options.RowToJsonSamples} rounds...");
            var rowToJson = await RowToJson.ReadAsync(orgs, tree.Region.Path,
                host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions, cancellationToken);
            comparisons.Add(await rowToJson.MeasureAsync(Math.Max(1, options.RowToJsonSamples / 10), options.RowToJsonSamples));
            progress.WriteLine($"Measuring GET /api/orgs/{{id}} from {options.Concurrency} clients at once: {options.ConcurrentRounds} rounds of " +
                               $"{options.ConcurrentCallsPerRound:N0} requests...");
            var throughputs = new List<ThroughputComparison>
            {
                await measurements.ConcurrentGetOrgAsync(options.Concurrency, options.ConcurrentCallsPerRound, options.ConcurrentRounds, cancellationToken),
            };
            return new BenchmarkResult(options, tree.Orgs.Count, entities, comparisons, throughputs, treeWriteDuration, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await host.DisposeAsync();
        }
    }

    private static async Task<(OrgId RootId, string ApiKey)> SignUpAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var response = await client.PostAsJsonAsync("api/signup", new
        {
            orgName = "Benchmark",
            owner = new { email = "owner@bench.example.com", displayName = "Benchmark owner" },
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (OrgId.Parse(body.GetProperty("org").GetProperty("id").GetString()!), body.GetProperty("apiKey").GetProperty("secret").GetString()!);
    }

    private static async Task<int> CountPartitionAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                           select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }
}
