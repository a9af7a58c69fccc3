using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Durable;
using OrgFunctions.LocalHost.Http;
using OrgFunctions.LocalHost.Invocation;
using OrgFunctions.LocalHost.ServiceBus;
using OrgFunctions.LocalHost.Timers;

namespace OrgFunctions.LocalHost.Hosting;

/// <summary>The host's own services. A new trigger kind adds its one registration line in <see cref="AddTriggerBindings"/>.</summary>
internal static class LocalHostServices
{
    public static IServiceCollection AddLocalHostCore(this IServiceCollection services, FunctionCatalog catalog, LocalHostSettings settings)
    {
        services.AddSingleton(catalog);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ParameterBinder>();
        services.AddSingleton<IFunctionInvoker, FunctionInvoker>();
        services.AddHostedService<TriggerListeners>();
        services.AddRouting();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, FunctionHttpMethodPolicy>());
        services.AddMvcCore(); // IActionResult execution (ObjectResult needs its formatters)
        return services.AddTriggerBindings(catalog);
    }

    private static IServiceCollection AddTriggerBindings(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.AddTriggerBinding<HttpTriggerBinding>();
        services.AddTriggerBinding<TimerTriggerBinding>();
        services.AddLocalServiceBus();
        services.AddLocalDurableTask(catalog);
        return services;
    }
}
