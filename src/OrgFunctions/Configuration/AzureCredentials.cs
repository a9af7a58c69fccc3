using Azure.Core;
using Azure.Identity;

namespace OrgFunctions.Configuration;

/// <summary>The credential for identity-based connections, chosen as the Functions host chooses it.</summary>
public static class AzureCredentials
{
    public static TokenCredential Create(string? credential, string? clientId) =>
        string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
}
