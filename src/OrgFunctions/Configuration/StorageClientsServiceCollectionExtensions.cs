using Azure.Core;
using Azure.Core.Extensions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrgFunctions.Configuration;

/// <summary>
/// One Table, Blob and Queue service client each for the whole app, registered with <c>AddAzureClients</c>: from the
/// <c>AzureWebJobsStorage</c> connection string, else from its identity-based properties (<see cref="StorageConnectionOptions"/>)
/// with <see cref="ConnectionCredential"/>. Client options are the package's (<c>ConfigureDefaults</c>, <c>ConfigureOptions</c>),
/// unless a client options instance is registered in DI: that one is used as it is, so tests can set transport and retries.
/// </summary>
public static class StorageClientsServiceCollectionExtensions
{
    public static IServiceCollection AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetSection(StorageConnectionOptions.Setting);
        services.AddOptions<StorageConnectionOptions>()
            .Configure(options =>
            {
                connection.Bind(options);
                options.ConnectionString = connection.Value;
            })
            .Validate(options => options.IsComplete, StorageConnectionOptions.IncompleteMessage)
            .ValidateOnStart();

        services.AddAzureSdkLogging();
        services.AddAzureClients(clients =>
        {
            Add<TableServiceClient, TableClientOptions>(clients, connection, o => o.TableUri,
                (connectionString, options) => new TableServiceClient(connectionString, options),
                (uri, credential, options) => new TableServiceClient(uri, credential, options));
            Add<BlobServiceClient, BlobClientOptions>(clients, connection, o => o.BlobUri,
                (connectionString, options) => new BlobServiceClient(connectionString, options),
                (uri, credential, options) => new BlobServiceClient(uri, credential, options));
            Add<QueueServiceClient, QueueClientOptions>(clients, connection, o => o.QueueUri,
                (connectionString, options) => new QueueServiceClient(connectionString, options),
                (uri, credential, options) => new QueueServiceClient(uri, credential, options));
        });
        return services;
    }

    // The package binds a section to constructor parameters by name (connectionString, serviceUri, endpoint); the host's
    // names (accountName, blobServiceUri, tableServiceUri) differ, hence a factory that maps them.
    private static IAzureClientBuilder<TClient, TOptions> Add<TClient, TOptions>(AzureClientFactoryBuilder clients,
        IConfiguration connection, Func<StorageConnectionOptions, Uri?> endpoint, Func<string, TOptions, TClient> fromConnectionString,
        Func<Uri, TokenCredential, TOptions, TClient> fromIdentity)
        where TOptions : ClientOptions =>
        clients.AddClient<TClient, TOptions>((options, credential, services) =>
            {
                // Throws OptionsValidationException (naming the settings) when neither form is complete.
                var settings = services.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
                var clientOptions = services.GetService<TOptions>() ?? options;
                return settings.UsesConnectionString
                    ? fromConnectionString(settings.ConnectionString!, clientOptions)
                    : fromIdentity(endpoint(settings)!, credential, clientOptions);
            })
            .WithCredential(services => ConnectionCredential.Resolve(services, connection));
}
