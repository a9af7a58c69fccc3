using Microsoft.Extensions.Logging;
using OrgFunctions.Benchmarks.FileDrops;
using OrgFunctions.Testing.Azurite;

// dotnet run -c Release --project bench/OrgFunctions.Benchmarks.FileDrops
//     [-- --quick | --rows N] [--scanning-azurite] [--connection "<storage connection string>"]
var rows = 100_000;
string? connection = null;
var scanning = false;
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
    else if (args[i] == "--scanning-azurite")
    {
        scanning = true;
    }
}

// By default Azurite finds entities by their RowKey index (eng/azurite/row-key-first.cjs), as Table Storage does;
// --scanning-azurite keeps its partition scans, under which one partition's writes grow quadratically.
using var azurite = connection is null ? AzuriteServer.Start(indexedPointLookups: !scanning) : null;
Console.WriteLine($"File-drop ingest benchmark on {(azurite is null ? "the given storage account" : scanning ? "in-memory Azurite" : "in-memory Azurite with indexed point lookups")} " +
                  $"({Environment.ProcessorCount} cores)");
using var log = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
var result = await FileDropBenchmark.RunAsync(connection ?? azurite!.ConnectionString, rows, default, log,
    line => Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {line}"));
Console.WriteLine(result);
return result.Applied == rows ? 0 : 1;
