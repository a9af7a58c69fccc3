using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrgFunctions.Configuration;

namespace OrgFunctions.Tests.Configuration;

/// <summary>
/// AddAzureClients forwards the Azure SDK's events to ILogger (Azure.Core: a line per request at Information): the app
/// keeps them at Warning unless configuration says otherwise, and never loses its own logging to the package's fallback.
/// </summary>
public class AzureSdkLoggingTests
{
    private static ILoggerFactory Build(Dictionary<string, string?> logging, bool loggingFirst = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(logging).Build();
        var services = new ServiceCollection();
        void AddLogging() => services.AddLogging(builder => builder.AddConfiguration(configuration.GetSection("Logging")).AddProvider(new Provider()));
        if (loggingFirst)
        {
            AddLogging();
        }
        services.AddStorageClients(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        }).Build());
        if (!loggingFirst)
        {
            AddLogging();
        }
        return services.BuildServiceProvider().GetRequiredService<ILoggerFactory>();
    }

    [Fact]
    public void AzureSdkEventsAreWarningsAndUpByDefault()
    {
        var loggers = Build(new() { ["Logging:LogLevel:Default"] = "Information" });

        Assert.False(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Azure.Identity").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("OrgFunctions.Health").IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData("Azure")]
    [InlineData("Azure.Core")]
    public void ConfigurationCanAskForMore(string category)
    {
        var loggers = Build(new() { ["Logging:LogLevel:Default"] = "Warning", [$"Logging:LogLevel:{category}"] = "Debug" });

        Assert.True(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public void LoggingAddedAfterTheClientsStillLogs()
    {
        var loggers = Build(new() { ["Logging:LogLevel:Default"] = "Information" }, loggingFirst: false);

        Assert.IsNotType<NullLoggerFactory>(loggers);
        Assert.True(loggers.CreateLogger("OrgFunctions.Health").IsEnabled(LogLevel.Information));
    }

    private sealed class Provider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Enabled();

        public void Dispose()
        {
        }
    }

    /// <summary>Says yes to every level, so what IsEnabled answers is the filter rules' doing.</summary>
    private sealed class Enabled : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
