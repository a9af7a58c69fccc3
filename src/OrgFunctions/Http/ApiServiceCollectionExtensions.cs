using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Http;

/// <summary>The HTTP edge the triggers run their requests through. Needs <c>AddAccess()</c>.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddSingleton<Api>();
        return services;
    }
}
