using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OrgFunctions.Testing;

namespace OrgFunctions.Benchmarks;

/// <summary>
/// Prints a run as ratios (app ÷ raw, measured in the same run). Absolute times are shown only as context: on Azurite
/// they say more about Azurite than about the app (DESIGN §8).
/// </summary>
public static class BenchmarkReport
{
    public static string Format(BenchmarkResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"OrgFunctions benchmark ({result.Options.Name}), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                           $"Azurite {AzuriteVersion()} (in memory)");
        text.AppendLine(c, $"Tree: {result.TreeSize:N0} orgs in one partition ({result.PartitionEntities:N0} entities); " +
                           $"listed subtree: {result.Options.SubtreeSize:N0} orgs");
        text.AppendLine();
        text.AppendLine("| App operation | Raw baseline (same rows, same run) | Samples per side | p50 ratio | p99 ratio | app p50 / p99 | raw p50 / p99 |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|");
        foreach (var comparison in result.Comparisons)
        {
            text.AppendLine(c, $"| {comparison.What} | {comparison.Baseline} | {comparison.Samples:N0} | " +
                               $"**{comparison.RatioP50:0.00}×** | **{comparison.RatioP99:0.00}×** | " +
                               $"{comparison.App.Percentile(50):0.0##} / {comparison.App.Percentile(99):0.0##} ms | " +
                               $"{comparison.Raw.Percentile(50):0.0##} / {comparison.Raw.Percentile(99):0.0##} ms |");
        }
        text.AppendLine();
        text.AppendLine("| App operation (throughput) | Raw baseline (same rows, same run) | Rounds × requests | median ratio of rounds | app / raw median req/s |");
        text.AppendLine("|---|---|--:|--:|--:|");
        foreach (var throughput in result.Throughputs)
        {
            text.AppendLine(c, $"| {throughput.What} | {throughput.Baseline} | {throughput.Rounds} × {throughput.CallsPerRound:N0} | " +
                               $"**{throughput.MedianRatio:0.00}** | {throughput.MedianApp:0} / {throughput.MedianRaw:0} |");
        }
        text.AppendLine();
        text.AppendLine(c, $"Ratios are app ÷ raw (latency: lower is better; throughput: higher is better); the times are context only. Whole run: {result.Duration.TotalSeconds:0} s " +
                           $"(writing the tree: {result.TreeWriteDuration.TotalSeconds:0} s).");
        return text.ToString();
    }

    private static string AzuriteVersion()
    {
        var file = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "package.json");
        return File.Exists(file)
            ? JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("version").GetString() ?? "?"
            : "?";
    }
}
