using OrgFunctions.Benchmarks.Provisioning;
using OrgFunctions.Testing.Azurite;

// dotnet run -c Release --project bench/OrgFunctions.Benchmarks.Provisioning [-- --quick] [-- --samples N]
var quick = args.Contains("--quick");
var samplesAt = Array.IndexOf(args, "--samples");
var options = quick ? BenchmarkOptions.Quick : BenchmarkOptions.Full;
if (samplesAt >= 0 && samplesAt + 1 < args.Length && int.TryParse(args[samplesAt + 1], out var samples) && samples > 0)
{
    options = options with { Samples = samples };
}

// An Azurite of its own, in memory, on free ports; stopped when the process exits.
using var azurite = AzuriteServer.Start();
var result = await ProvisioningBenchmark.RunAsync(options, azurite.ConnectionString, Console.Out);
return result.Ratio > 0 ? 0 : 1;
