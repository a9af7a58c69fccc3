using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>
/// The isolated worker's application builder. Offline, configuration and services can be set up (so
/// Program.cs compiles and its registrations can be inspected) but the worker cannot run: it needs the
/// Functions host, which only exists where the real packages and Core Tools do.
/// </summary>
public class FunctionsApplicationBuilder : IHostApplicationBuilder
{
    private readonly HostApplicationBuilder _inner;

    internal FunctionsApplicationBuilder(string[]? args)
    {
        _inner = new HostApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
    }

    public IDictionary<object, object> Properties => ((IHostApplicationBuilder)_inner).Properties;

    IConfigurationManager IHostApplicationBuilder.Configuration => Configuration;

    public ConfigurationManager Configuration => _inner.Configuration;

    public IHostEnvironment Environment => _inner.Environment;

    public ILoggingBuilder Logging => _inner.Logging;

    public IMetricsBuilder Metrics => _inner.Metrics;

    public IServiceCollection Services => _inner.Services;

    public IHost Build() => throw new NotSupportedException(
        "FunctionsApplicationBuilder.Build() needs the real Azure Functions worker, which offline mode does not have. " +
        "Run the app with src/OrgFunctions.LocalHost instead (./run.sh).");

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory,
        Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull => _inner.ConfigureContainer(factory, configure);
}
