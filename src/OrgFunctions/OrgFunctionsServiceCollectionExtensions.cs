using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Access;
using OrgFunctions.ApiKeys;
using OrgFunctions.Configuration;
using OrgFunctions.Email;
using OrgFunctions.FileDrops;
using OrgFunctions.Health;
using OrgFunctions.Integrations;
using OrgFunctions.Http;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.PaymentGateways;
using OrgFunctions.Provisioning;
using OrgFunctions.Roles;
using OrgFunctions.Secrets;
using OrgFunctions.SenderIds;
using OrgFunctions.Settings;
using OrgFunctions.Signup;
using OrgFunctions.Storage;
using OrgFunctions.Templates;
using OrgFunctions.Users;
using OrgFunctions.OpenApi;
using OrgFunctions.Webhooks;

namespace OrgFunctions;

/// <summary>
/// The app's one composition root: Program.cs (the real worker) and the local host both call it, so a
/// function gets the same services wherever it runs. Each feature registers its own services in its folder.
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
        services.AddSenderIds();
        services.AddProvisioning(configuration);
        services.AddWebhooks(configuration);
        services.AddIntegrations();
        services.AddEmail(configuration);
        services.AddFileDrops(configuration);
        services.AddPaymentGateways(configuration);
        services.AddHttpClient();
        services.AddHealth();
        services.AddOpenApiDocument();
        services.AddOrgFunctionsMiddleware();
        return services;
    }

    /// <summary>
    /// The org-management core every other feature builds on (orgs, users, access, roles, settings, API keys, sign-up, the
    /// HTTP edge); test and benchmark hosts call it alone. Needs a <c>TableServiceClient</c>, and a <c>BlobServiceClient</c>
    /// for the orgs' SFTP homes.
    /// </summary>
    public static IServiceCollection AddOrgManagement(this IServiceCollection services)
    {
        services.AddOrgTables();
        services.AddOrgs();
        services.AddRoles();
        services.AddUsers();
        services.AddAccess();
        services.AddOutbox();
        services.AddSignup();
        services.AddSettings();
        services.AddApiKeys();
        services.AddApi();
        return services;
    }
}
