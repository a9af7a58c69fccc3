using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.OrgItems;

namespace OrgFunctions.Workspaces;

public static class WorkspacesServiceCollectionExtensions
{
    /// <summary>An org's workspaces and who has access to them. Called by <see cref="Users.UsersServiceCollectionExtensions.AddUsers"/>.</summary>
    public static IServiceCollection AddWorkspaces(this IServiceCollection services)
    {
        services.AddOrgItems();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkspaceStore>();
        services.AddSingleton<WorkspaceService>();
        services.AddSingleton<WorkspaceMemberService>();
        services.AddSingleton<WorkspaceAccess>();
        return services;
    }
}
