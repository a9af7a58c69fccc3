using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.OrgItems;

namespace OrgFunctions.Roles;

public static class RolesServiceCollectionExtensions
{
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddOrgItems();
        services.AddSingleton<RoleStore>();
        services.AddSingleton<RoleService>();
        return services;
    }
}
