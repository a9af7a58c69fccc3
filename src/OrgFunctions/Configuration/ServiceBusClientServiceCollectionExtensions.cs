using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Configuration;

/// <summary>
/// The app's <see cref="ServiceBusClient"/>, from the connection its triggers name (<c>ServiceBusConnection</c>): a
/// connection string, or <c>ServiceBusConnection__fullyQualifiedNamespace</c> with <see cref="ConnectionCredential"/>.
/// Here the host's names are the client constructor's parameter names, so Microsoft.Extensions.Azure binds the section
/// itself. Created on first use only; the local host replaces this registration with its own client (DESIGN §3).
/// </summary>
public static class ServiceBusClientServiceCollectionExtensions
{
    public const string Setting = "ServiceBusConnection";

    public static IServiceCollection AddServiceBusClient(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetSection(Setting);
        services.AddAzureSdkLogging();
        services.AddAzureClients(clients =>
        {
            if (IsSet(connection))
            {
                // The package's section binding: a value is the connection string, else the constructor's parameter names.
                clients.AddServiceBusClient<AzureClientFactoryBuilder, IConfiguration>(connection)
                    .WithCredential(sp => ConnectionCredential.Resolve(sp, connection));
            }
            else
            {
                // Not validated on start: the local host never creates this client. The package's own error would list
                // constructor parameters without naming the setting.
                clients.AddClient<ServiceBusClient, ServiceBusClientOptions>(_ => throw new InvalidOperationException(
                    $"The Service Bus connection is not set: set '{Setting}' to a connection string, or " +
                    $"'{Setting}__fullyQualifiedNamespace' (with '{Setting}__credential' and '{Setting}__clientId' as needed)."));
            }
        });
        return services;
    }

    // Read when registering, as the package reads the section's credential: the configuration is built by then.
    private static bool IsSet(IConfigurationSection connection) =>
        !string.IsNullOrWhiteSpace(connection.Value)
        || !string.IsNullOrWhiteSpace(connection["fullyQualifiedNamespace"]);
}
