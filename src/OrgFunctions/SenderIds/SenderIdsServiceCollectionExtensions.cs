using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.OrgItems;

namespace OrgFunctions.SenderIds;

public static class SenderIdsServiceCollectionExtensions
{
    /// <summary>Sender IDs of an org. Needs <see cref="OrgFunctionsServiceCollectionExtensions.AddOrgManagement"/>.</summary>
    public static IServiceCollection AddSenderIds(this IServiceCollection services)
    {
        services.AddOrgItems();
        services.AddSingleton<SenderIdStore>();
        services.AddSingleton<SenderClaims>();
        services.AddSingleton<SenderIdService>();
        return services;
    }
}
