using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.LocalHost.Bindings;

namespace OrgFunctions.LocalHost.ServiceBus;

/// <summary>Registers the local Service Bus: the trigger binding and the <see cref="ServiceBusClient"/> app code injects.</summary>
internal static class ServiceBusServiceCollectionExtensions
{
    public static IServiceCollection AddLocalServiceBus(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => LocalServiceBusSettings.Read(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<LocalServiceBus>();
        // Replace, not add: the local client wins over any ServiceBusClient the app registered for Azure.
        services.Replace(ServiceDescriptor.Singleton<ServiceBusClient>(sp => sp.GetRequiredService<LocalServiceBus>().CreateClient()));
        return services.AddTriggerBinding<ServiceBusTriggerBinding>();
    }
}
