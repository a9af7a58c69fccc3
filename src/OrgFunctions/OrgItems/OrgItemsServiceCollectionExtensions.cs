using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrgFunctions.OrgItems;

/// <summary>The reads every kind of org item shares; each feature that keeps items registers it (once is enough).</summary>
public static class OrgItemsServiceCollectionExtensions
{
    public static IServiceCollection AddOrgItems(this IServiceCollection services)
    {
        services.TryAddSingleton<OrgItemStore>();
        return services;
    }
}
