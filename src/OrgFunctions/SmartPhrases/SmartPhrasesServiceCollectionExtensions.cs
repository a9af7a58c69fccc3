using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.Storage;

namespace OrgFunctions.SmartPhrases;

/// <summary>Smart phrases of an org, fed by file drops. Needs <c>AddOrgManagement()</c>.</summary>
public static class SmartPhrasesServiceCollectionExtensions
{
    public static IServiceCollection AddSmartPhrases(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrgDataTables>();
        services.AddSingleton<SmartPhraseService>();
        return services;
    }
}
