using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrgFunctions.Configuration;

/// <summary>
/// One Table, Blob and Queue service client each for the whole app, from <see cref="StorageOptions"/>: a connection
/// string where one is set, else the service URIs with a <see cref="TokenCredential"/> (registered here unless the
/// caller registered its own, as tests do).
/// </summary>
public static class StorageClientsServiceCollectionExtensions
{
    public static IServiceCollection AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Configure(options => StorageOptions.Bind(options, configuration))
            .Validate(options => !options.Problems().Any(), "The storage connection is incomplete: " +
                $"set '{StorageOptions.ConnectionStringSetting}' or its identity-based form ('{StorageOptions.ConnectionStringSetting}__accountName').")
            .ValidateOnStart();

        services.TryAddSingleton<TokenCredential>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return AzureCredentials.Create(options.Credential, options.ClientId);
        });
        services.TryAddSingleton(sp => Create(sp, o => new TableServiceClient(o.ConnectionString!), (o, c) => new TableServiceClient(o.TableUri, c)));
        services.TryAddSingleton(sp => Create(sp, o => new BlobServiceClient(o.ConnectionString!), (o, c) => new BlobServiceClient(o.BlobUri, c)));
        services.TryAddSingleton(sp => Create(sp, o => new QueueServiceClient(o.ConnectionString!), (o, c) => new QueueServiceClient(o.QueueUri, c)));
        return services;
    }

    private static T Create<T>(IServiceProvider services, Func<StorageOptions, T> fromConnectionString,
        Func<StorageOptions, TokenCredential, T> fromIdentity)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.UsesConnectionString
            ? fromConnectionString(options)
            : fromIdentity(options, services.GetRequiredService<TokenCredential>());
    }
}
