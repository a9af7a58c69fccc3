using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrgFunctions.Storage;

/// <summary>The org tree's tables and the name reservations every org write goes through. Needs a <c>TableServiceClient</c>.</summary>
public static class OrgTablesServiceCollectionExtensions
{
    public static IServiceCollection AddOrgTables(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TreeChanges>();
        services.AddSingleton<OrgTables>();
        services.AddSingleton<NameReservations>();
        return services;
    }
}
