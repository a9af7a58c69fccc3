using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.Outbox;
using OrgFunctions.SmartPhrases;
using OrgFunctions.Storage;

namespace OrgFunctions.Blocklist;

/// <summary>Blocklist and smart phrases: the per-org data that file drops feed. Needs <c>AddOrgManagement()</c>.</summary>
public static class BlocklistServiceCollectionExtensions
{
    public static IServiceCollection AddBlocklistAndSmartPhrases(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrgDataTables>();
        services.TryAddSingleton<OutboxOnce>();
        services.AddSingleton<PendingBlocklistEvents>();
        services.AddSingleton<BlocklistWriter>();
        services.AddSingleton<BlocklistEventSweeper>();
        services.AddSingleton<BlocklistService>();
        services.AddSingleton<SmartPhraseService>();
        return services;
    }
}
