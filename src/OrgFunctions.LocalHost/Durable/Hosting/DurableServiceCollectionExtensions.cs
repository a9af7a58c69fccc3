using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Durable.Functions;
using OrgFunctions.LocalHost.Durable.Runtime;
using OrgFunctions.LocalHost.Durable.Store;

namespace OrgFunctions.LocalHost.Durable.Hosting;

/// <summary>Registers the local durable runtime: engine, table store, client, and the three bindings.</summary>
internal static class DurableServiceCollectionExtensions
{
    public const string StorageSetting = "AzureWebJobsStorage";

    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new DurableOptions { HubName = DurableHubName.From(sp.GetRequiredService<IConfiguration>()) });
        services.TryAddSingleton<IDurableStore>(sp =>
        {
            var connection = sp.GetRequiredService<IConfiguration>()[StorageSetting]
                ?? throw new InvalidOperationException($"Durable orchestrations need the {StorageSetting} setting (Azurite's connection string).");
            return new TableDurableStore(connection, sp.GetRequiredService<DurableOptions>().HubName);
        });
        services.TryAddSingleton<DurableFunctionRegistry>();
        services.TryAddSingleton(sp => new DurableEngine(
            sp.GetRequiredService<IDurableStore>(),
            sp.GetRequiredService<DurableFunctionRegistry>(),
            sp.GetRequiredService<DurableOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("OrgFunctions.LocalHost.Durable")));
        services.TryAddSingleton(sp => new LocalDurableTaskClient(sp.GetRequiredService<DurableEngine>()));

        services.AddTriggerBinding<OrchestrationTriggerBinding>();
        services.AddTriggerBinding<ActivityTriggerBinding>();
        services.AddInputBinding<DurableClientBinding>();
        services.AddHostedService<DurableEngineService>();
        return services;
    }
}
