using OrgFunctions.Benchmarks;

// dotnet run -c Release --project bench/OrgFunctions.Benchmarks [-- --quick | --samples N | --listing-samples N]
try
{
    var options = BenchmarkOptions.Parse(args);
    var result = await BenchmarkRun.RunAsync(options, Console.Out);
    Console.WriteLine();
    Console.Write(BenchmarkReport.Format(result));
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
