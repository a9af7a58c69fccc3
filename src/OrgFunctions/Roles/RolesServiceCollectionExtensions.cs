using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Roles;

public static class RolesServiceCollectionExtensions
{
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddSingleton<RoleStore>();
        services.AddSingleton<RoleService>();
        return services;
    }
}
