using Microsoft.Extensions.Configuration;

namespace OrgFunctions.Configuration;

/// <summary>
/// The Service Bus connection the app sends with, named like its triggers' <c>Connection</c>: <c>ServiceBusConnection</c>
/// as a connection string (local), or <c>ServiceBusConnection__fullyQualifiedNamespace</c> with the identity (Azure).
/// </summary>
public sealed class ServiceBusOptions
{
    public const string ConnectionName = "ServiceBusConnection";

    public string? ConnectionString { get; set; }
    public string? FullyQualifiedNamespace { get; set; }
    public string? Credential { get; set; }
    public string? ClientId { get; set; }

    internal static void Bind(ServiceBusOptions options, IConfiguration configuration)
    {
        options.ConnectionString = ConnectionSettings.Value(configuration, ConnectionName);
        options.FullyQualifiedNamespace = ConnectionSettings.Property(configuration, ConnectionName, "fullyQualifiedNamespace");
        options.Credential = ConnectionSettings.Property(configuration, ConnectionName, "credential");
        options.ClientId = ConnectionSettings.Property(configuration, ConnectionName, "clientId");
    }
}
