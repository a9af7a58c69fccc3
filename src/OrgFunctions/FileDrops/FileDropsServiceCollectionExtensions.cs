using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgFunctions.Blocklist;
using OrgFunctions.Outbox;
using OrgFunctions.SmartPhrases;
using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

/// <summary>SFTP file drops, with the blocklist and smart phrases they feed. Needs <c>AddOrgManagement()</c> and a BlobServiceClient.</summary>
public static class FileDropsServiceCollectionExtensions
{
    public static IServiceCollection AddFileDrops(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBlocklist();
        services.AddSmartPhrases();
        services.AddOptions<FileDropOptions>()
            .Bind(configuration.GetSection(FileDropOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<OrgDataTables>();
        services.TryAddSingleton<OutboxOnce>();
        services.AddSingleton<ImportApplier>();
        services.AddSingleton<FileIngester>();
        services.TryAddSingleton<FileDropHomes>();
        services.AddSingleton<ListingCursor>();
        services.AddSingleton<FileDropRun>();
        services.AddSingleton<ImportsService>();
        return services;
    }
}
