using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Blocklist;

/// <summary>The blocklist of an org, fed by file drops. Needs <c>AddOrgManagement()</c>.</summary>
public static class BlocklistServiceCollectionExtensions
{
    public static IServiceCollection AddBlocklist(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrgDataTables>();
        services.TryAddSingleton<OutboxOnce>();
        services.AddSingleton<PendingBlocklistEvents>();
        services.AddSingleton<BlocklistWriter>();
        services.AddSingleton<BlocklistEventSweeper>();
        services.AddSingleton<BlocklistService>();
        return services;
    }
}
