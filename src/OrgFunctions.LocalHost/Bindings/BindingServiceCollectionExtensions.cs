using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrgFunctions.LocalHost.Bindings;

/// <summary>One-line registration of trigger and input bindings.</summary>
public static class BindingServiceCollectionExtensions
{
    public static IServiceCollection AddTriggerBinding<TBinding>(this IServiceCollection services)
        where TBinding : class, ITriggerBinding
    {
        services.TryAddSingleton<TBinding>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITriggerBinding, TBinding>(sp => sp.GetRequiredService<TBinding>()));
        return services;
    }

    public static IServiceCollection AddInputBinding<TBinding>(this IServiceCollection services)
        where TBinding : class, IInputBinding
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInputBinding, TBinding>());
        return services;
    }
}
