using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrgFunctions.Configuration;

/// <summary>
/// The app's <see cref="ServiceBusClient"/>: from a connection string, or the namespace with the identity. Created on first
/// use only; the local host registers its own stand-in in its place (DESIGN §3).
/// </summary>
public static class ServiceBusClientServiceCollectionExtensions
{
    public static IServiceCollection AddServiceBusClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceBusOptions>().Configure(options => ServiceBusOptions.Bind(options, configuration));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
            if (options.FullyQualifiedNamespace is { } fullyQualifiedNamespace)
            {
                return new ServiceBusClient(fullyQualifiedNamespace, AzureCredentials.Create(options.Credential, options.ClientId));
            }
            return options.ConnectionString is { } connectionString
                ? new ServiceBusClient(connectionString)
                : throw new InvalidOperationException(
                    $"Set '{ServiceBusOptions.ConnectionName}' or '{ServiceBusOptions.ConnectionName}__fullyQualifiedNamespace'.");
        });
        return services;
    }
}
