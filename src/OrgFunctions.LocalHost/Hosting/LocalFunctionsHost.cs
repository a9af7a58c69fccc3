using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgFunctions.Functions;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>
/// The local Functions host: discovers the functions of the app (and of any extra assembly), registers the
/// app's services with <c>AddOrgFunctions</c>, and runs each function through the binding of its trigger.
/// Used by Program.cs and, in process, by tests.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalFunctionsHost(WebApplication app, FunctionCatalog catalog, LocalHostSettings settings, string? settingsFile)
    {
        _app = app;
        Catalog = catalog;
        Settings = settings;
        SettingsFile = settingsFile;
    }

    public FunctionCatalog Catalog { get; }

    public LocalHostSettings Settings { get; }

    /// <summary>The local.settings file whose Values were read, if any.</summary>
    public string? SettingsFile { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>http://127.0.0.1:PORT/ once started.</summary>
    public Uri BaseAddress
    {
        get
        {
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The host is not listening yet.");
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    /// <param name="args">Command-line arguments: --port, --functions-assembly (repeatable), --settings, --enable-admin, and any --Key=value setting.</param>
    /// <param name="configureServices">Runs last, after AddOrgFunctions and the extra assemblies' startups (tests replace services here).</param>
    public static LocalFunctionsHost Create(string[] args, Action<IServiceCollection, IConfiguration>? configureServices = null)
    {
        var arguments = LocalHostArguments.Parse(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = arguments.Remaining,
            ApplicationName = typeof(LocalFunctionsHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Precedence, lowest first: local.settings Values, appsettings, environment, command line, --port/--functions-assembly.
        var settingsFile = LocalSettingsFile.Find(arguments.SettingsFile);
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        if (settingsFile is not null)
        {
            sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalSettingsFile.ReadValues(settingsFile) });
        }
        builder.Configuration.AddInMemoryCollection(arguments.Configuration);

        var settings = LocalHostSettings.From(builder.Configuration);
        var extraAssemblies = settings.FunctionsAssemblies.Select(LoadAssembly).ToList();
        var catalog = new FunctionCatalog(FunctionDiscovery.Discover([typeof(HealthFunction).Assembly, .. extraAssemblies]));

        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // The Durable Task engine logs every poll and message at Information; host.json quiets the same categories in Azure.
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);

        builder.Services.AddOrgFunctions(builder.Configuration);
        foreach (var startup in extraAssemblies.SelectMany(FindStartups))
        {
            startup.ConfigureServices(builder.Services, builder.Configuration);
        }
        builder.Services.AddLocalHostCore(catalog, settings);
        configureServices?.Invoke(builder.Services, builder.Configuration);

        var app = builder.Build();
        app.UseRouting();
        foreach (var binding in app.Services.GetServices<ITriggerBinding>())
        {
            binding.MapEndpoints(app, catalog.WithTrigger(binding.TriggerAttributeType));
        }
        if (settings.EnableAdminEndpoints)
        {
            app.MapAdminEndpoints();
        }
        if (settings.PaymentVaultStandIn)
        {
            app.MapPaymentVaultStandIn();
        }

        var host = new LocalFunctionsHost(app, catalog, settings, settingsFile);
        app.Lifetime.ApplicationStarted.Register(host.LogBanner);
        return host;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Runs until Ctrl-C or SIGTERM.</summary>
    public Task RunAsync() => _app.RunAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void LogBanner()
    {
        var logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrgFunctions.LocalHost");
        if (SettingsFile is not null)
        {
            logger.LogInformation("Settings: Values of {SettingsFile}", SettingsFile);
        }
        logger.LogInformation("{Functions}", StartupBanner.Describe(Catalog.Functions, BaseAddress, Settings.RoutePrefix ?? ""));
        if (Settings.EnableAdminEndpoints)
        {
            logger.LogWarning("Admin endpoint on (development flag): POST {BaseAddress}admin/functions/{{name}} runs any non-HTTP function.",
                BaseAddress);
        }
        if (Settings.PaymentVaultStandIn)
        {
            logger.LogWarning("Payment vault stand-in on (development flag): {BaseAddress}local-vault/ answers the gateway API, keeping nothing.",
                BaseAddress);
        }
    }

    private static Assembly LoadAssembly(string path) =>
        File.Exists(path) ? Assembly.LoadFrom(path) : throw new FileNotFoundException("No functions assembly at " + path, path);

    private static IEnumerable<ILocalHostStartup> FindStartups(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILocalHostStartup).IsAssignableFrom(t))
            .Select(t => (ILocalHostStartup)Activator.CreateInstance(t)!);
}
