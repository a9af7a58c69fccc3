using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.LocalHost.Tests.Samples;

namespace OrgFunctions.LocalHost.Tests.Support;

/// <summary>The local host with the app's functions and this assembly's samples, in process on a free port.</summary>
public sealed class SampleHost : IAsyncDisposable
{
    private SampleHost(LocalFunctionsHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public LocalFunctionsHost Host { get; }

    public HttpClient Client { get; }

    public static string[] Arguments(string storageConnectionString = "UseDevelopmentStorage=true", params string[] extra) =>
    [
        "--port", "0",
        "--functions-assembly", typeof(SampleHost).Assembly.Location,
        "--settings", Path.Combine(OrgFunctions.Testing.RepoPaths.Root, "local.settings.sample.json"),
        $"--AzureWebJobsStorage={storageConnectionString}",
        $"--{TimerSamples.ScheduleSetting}=0 0 0 1 1 *",
        .. extra,
    ];

    /// <summary>The admin endpoint's development flag, for tests that run functions through it.</summary>
    public const string EnableAdmin = "--enable-admin";

    public static async Task<SampleHost> StartAsync(Action<IServiceCollection, IConfiguration>? configureServices = null,
        string storageConnectionString = "UseDevelopmentStorage=true", params string[] extraArguments)
    {
        var host = LocalFunctionsHost.Create(Arguments(storageConnectionString, extraArguments), configureServices);
        await host.StartAsync();
        return new SampleHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
