using Microsoft.Extensions.Options;
using OrgFunctions.LocalHost.Hosting;

// Runs the app's functions locally (./run.sh starts Azurite first). See README.md.
try
{
    await using var host = LocalFunctionsHost.Create(args);
    await host.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine("The app's settings are invalid: " + string.Join(" ", ex.Failures));
    Console.Error.WriteLine("Settings come from local.settings.json (else local.settings.sample.json) Values, the environment and --Key=value arguments.");
    return 2;
}
