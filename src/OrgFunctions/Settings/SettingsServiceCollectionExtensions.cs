using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Settings;

public static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddSingleton<SettingsPropagator>();
        services.AddSingleton<SettingsService>();
        return services;
    }
}
