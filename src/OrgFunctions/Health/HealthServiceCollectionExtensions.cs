using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Health;

/// <summary>The health report and the storage probe behind it. Needs the storage clients.</summary>
public static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSingleton<IStorageProbe, StorageProbe>();
        services.AddSingleton<HealthService>();
        return services;
    }
}
