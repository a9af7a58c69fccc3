using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.Configuration;

/// <summary>
/// Logging for the clients <c>AddAzureClients</c> creates. Once one is created the package forwards the Azure SDK's
/// event sources to <see cref="ILogger"/> (categories <c>Azure.Core</c>, <c>Azure.Identity</c>, <c>Azure.Messaging.ServiceBus</c>...):
/// at Information that is a line per storage request.
/// </summary>
internal static class AzureSdkLogging
{
    private static readonly LoggerFilterRule Default = new(providerName: null, categoryName: "Azure", LogLevel.Warning, filter: null);

    public static IServiceCollection AddAzureSdkLogging(this IServiceCollection services)
    {
        // Before AddAzureClients: it falls back to a NullLoggerFactory where no logging is registered yet, which would
        // silence the whole app if logging were added after AddOrgFunctions. AddLogging adds nothing already there.
        services.AddLogging();
        // Warning and above by default. Inserted first, so a rule from configuration (Logging:LogLevel:Azure, or
        // Azure.Core...) wins over it: among equally specific rules the last one applies.
        services.Configure<LoggerFilterOptions>(options =>
        {
            if (!options.Rules.Contains(Default))
            {
                options.Rules.Insert(0, Default);
            }
        });
        return services;
    }
}
