using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Configuration;
using OrgFunctions.FileDrops;
using OrgFunctions.Health;
using OrgFunctions.Provisioning;
using OrgFunctions.Secrets;
using OrgFunctions.Templates;
using OrgFunctions.OpenApi;
using OrgFunctions.Webhooks;

namespace OrgFunctions;

/// <summary>
/// The app's one composition root: Program.cs (the real worker) and the local host both call it, so a
/// function gets the same services wherever it runs.
/// </summary>
public static class OrgFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddOrgFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddStorageClients(configuration);
        services.AddServiceBusClient(configuration);
        services.AddSecretProtection(configuration);
        services.AddOrgManagement();
        services.AddTemplates();
        services.AddProvisioning(configuration);
        services.AddWebhooks(configuration);
        services.AddFileDrops(configuration);
        services.AddHttpClient();
        services.AddSingleton<IStorageProbe, StorageProbe>();
        services.AddSingleton<HealthService>();
        services.AddOpenApiDocument();
        services.AddOrgFunctionsMiddleware();
        return services;
    }
}
