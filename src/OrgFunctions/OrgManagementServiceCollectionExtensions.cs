using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.Access;
using OrgFunctions.FileDrops;
using OrgFunctions.ApiKeys;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Roles;
using OrgFunctions.Settings;
using OrgFunctions.Signup;
using OrgFunctions.Storage;

namespace OrgFunctions;

/// <summary>
/// The org-management services (orgs, settings, roles, API keys, sign-up). Needs a <c>TableServiceClient</c>, and a
/// <c>BlobServiceClient</c> for the orgs' SFTP homes (made with an org, removed with it).
/// </summary>
public static class OrgManagementServiceCollectionExtensions
{
    public static IServiceCollection AddOrgManagement(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OrgTables>();
        services.TryAddSingleton<FileDropHomes>();
        services.AddSingleton<NameReservations>();
        services.AddSingleton<OrgStore>();
        services.AddSingleton<ChildCounts>();
        services.AddSingleton<RoleStore>();
        services.AddSingleton<OrgAccess>();
        services.AddSingleton<EventFactory>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<SignupService>();
        services.AddSingleton<OrgService>();
        services.AddSingleton<SettingsPropagator>();
        services.AddSingleton<SettingsService>();
        services.AddSingleton<RoleService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<Http.Api>();
        return services;
    }
}
