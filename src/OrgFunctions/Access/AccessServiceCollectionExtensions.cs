using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;

namespace OrgFunctions.Access;

/// <summary>
/// Who calls (API keys and the sign-up secret) and what they may do in which org, with the caller and org-location cache;
/// the settings (<see cref="AccessOptions"/>) come from the host's <see cref="IConfiguration"/> where there is one, else the defaults.
/// </summary>
public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>()
            .Configure<IServiceProvider>((options, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(AccessOptions.Section).Bind(options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, ProblemsValidator<AccessOptions>>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccessCache>();
        services.AddSingleton<OrgAccess>();
        services.AddSingleton<RequestAuthenticator>();
        return services;
    }
}
