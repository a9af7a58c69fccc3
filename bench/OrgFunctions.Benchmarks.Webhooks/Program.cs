using OrgFunctions.Benchmarks.Webhooks;
using OrgFunctions.Testing.Azurite;

// dotnet run -c Release --project bench/OrgFunctions.Benchmarks.Webhooks [-- --quick] [--scanning-azurite]
// By default Azurite finds entities by their RowKey index (eng/azurite/row-key-first.cjs), as Table Storage does;
// --scanning-azurite keeps its partition scans, which grow with the delivery partition.
var quick = args.Contains("--quick");
using var azurite = AzuriteServer.Start(indexedPointLookups: !args.Contains("--scanning-azurite"));
var report = await WebhookBenchmark.RunAsync(azurite.ConnectionString, quick ? BenchmarkSize.Quick : BenchmarkSize.Full);
Console.WriteLine(report.ToText());
return 0;
