using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Access;

/// <summary>Who calls (API keys and the sign-up secret) and what they may do in which org.</summary>
public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddSingleton<OrgAccess>();
        services.AddSingleton<RequestAuthenticator>();
        return services;
    }
}
