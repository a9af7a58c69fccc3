using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.ApiKeys;

public static class ApiKeysServiceCollectionExtensions
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyService>();
        return services;
    }
}
