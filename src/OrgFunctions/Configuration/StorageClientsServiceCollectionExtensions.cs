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
        // Client options come from DI too, so retries and transport can be tuned (and tests can trust a local certificate).
        services.TryAddSingleton(new TableClientOptions());
        services.TryAddSingleton(new BlobClientOptions());
        services.TryAddSingleton(new QueueClientOptions());
        services.TryAddSingleton(sp => Create(sp, sp.GetRequiredService<TableClientOptions>(),
            (o, x) => new TableServiceClient(o.ConnectionString!, x), (o, c, x) => new TableServiceClient(o.TableUri, c, x)));
        services.TryAddSingleton(sp => Create(sp, sp.GetRequiredService<BlobClientOptions>(),
            (o, x) => new BlobServiceClient(o.ConnectionString!, x), (o, c, x) => new BlobServiceClient(o.BlobUri, c, x)));
        services.TryAddSingleton(sp => Create(sp, sp.GetRequiredService<QueueClientOptions>(),
            (o, x) => new QueueServiceClient(o.ConnectionString!, x), (o, c, x) => new QueueServiceClient(o.QueueUri, c, x)));
        return services;
    }

    private static T Create<T, TOptions>(IServiceProvider services, TOptions clientOptions, Func<StorageOptions, TOptions, T> fromConnectionString,
        Func<StorageOptions, TokenCredential, TOptions, T> fromIdentity)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.UsesConnectionString
            ? fromConnectionString(options, clientOptions)
            : fromIdentity(options, services.GetRequiredService<TokenCredential>(), clientOptions);
    }
}
