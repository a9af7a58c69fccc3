using OrgFunctions.Benchmarks.Webhooks;
using OrgFunctions.Testing.Azurite;

var quick = args.Contains("--quick");
var report = await WebhookBenchmark.RunAsync(AzuriteServer.Shared.ConnectionString, quick ? BenchmarkSize.Quick : BenchmarkSize.Full);
Console.WriteLine(report.ToText());
return 0;
