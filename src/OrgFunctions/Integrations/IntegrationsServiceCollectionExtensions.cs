using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.OrgItems;

namespace OrgFunctions.Integrations;

public static class IntegrationsServiceCollectionExtensions
{
    /// <summary>
    /// An org's integrations. Needs <see cref="OrgFunctionsServiceCollectionExtensions.AddOrgManagement"/>, secret protection
    /// (<see cref="Secrets.SecretProtectionServiceCollectionExtensions"/>) and the webhooks' address guard
    /// (<see cref="Webhooks.WebhooksServiceCollectionExtensions.AddWebhooks"/>).
    /// </summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services)
    {
        services.AddOrgItems();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IntegrationStore>();
        services.AddSingleton<IntegrationSecretBox>();
        services.AddSingleton<IntegrationUrls>();
        services.AddSingleton<IntegrationService>();
        return services;
    }
}
