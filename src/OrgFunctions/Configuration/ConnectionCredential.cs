using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Configuration;

/// <summary>
/// The credential of an identity-based connection (storage or Service Bus), first found of:
/// <list type="number">
/// <item>a <see cref="TokenCredential"/> registered in DI: tests register a fake one, and an app may choose its own;</item>
/// <item>the connection's own properties, read by Microsoft.Extensions.Azure as the Functions host reads them
/// (<c>__credential=managedidentity</c> with <c>__clientId</c> for a user-assigned identity, or a client secret or certificate);</item>
/// <item>the <c>AddAzureClients</c> default: <c>UseCredential</c> where one was set, else <c>DefaultAzureCredential</c>.</item>
/// </list>
/// </summary>
public static class ConnectionCredential
{
    public static TokenCredential Resolve(IServiceProvider services, IConfiguration connection) =>
        services.GetService<TokenCredential>()
        ?? services.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(connection);
}
