using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Provisioning;

public static class ProvisioningServiceCollectionExtensions
{
    /// <summary>Sub-org provisioning: the starter, the status reader and the work the activities do.</summary>
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProvisioningOptions>()
            .Bind(configuration.GetSection(ProvisioningOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<OrgProvisioner>();
        services.AddSingleton<IdempotencyClaims>();
        services.AddSingleton<PendingProvisionings>();
        services.AddSingleton<AbandonedProvisioningSweeper>();
        services.AddSingleton<ProvisioningStarter>();
        services.AddSingleton<ProvisioningStatusReader>();
        return services;
    }
}
