using Microsoft.Extensions.Logging;
using OrgFunctions.Benchmarks.FileDrops;
using OrgFunctions.Testing.Azurite;

// dotnet run -c Release --project bench/OrgFunctions.Benchmarks.FileDrops [-- --quick | --rows N] [--connection "<storage connection string>"]
var rows = 100_000;
string? connection = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--quick")
    {
        rows = 5_000;
    }
    else if (args[i] == "--rows" && i + 1 < args.Length)
    {
        rows = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--connection" && i + 1 < args.Length)
    {
        connection = args[++i];
    }
}

Console.WriteLine($"File-drop ingest benchmark on {(connection is null ? "in-memory Azurite" : "the given storage account")} " +
                  $"({Environment.ProcessorCount} cores)");
using var log = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
var result = await FileDropBenchmark.RunAsync(connection ?? AzuriteServer.Shared.ConnectionString, rows, default, log,
    line => Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {line}"));
Console.WriteLine(result);
return result.Applied == rows ? 0 : 1;
