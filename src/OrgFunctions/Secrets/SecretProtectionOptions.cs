using System.Text.RegularExpressions;

namespace OrgFunctions.Secrets;

/// <summary>
/// Section <c>SecretProtection</c>: where the Data Protection key ring lives and, in Azure, the Key Vault certificate
/// that encrypts it (docs/decisions/0014). Validated on start.
/// </summary>
public sealed partial class SecretProtectionOptions
{
    public const string Section = "SecretProtection";

    /// <summary>The blob container that holds the key ring and nothing else; never one of the data containers.</summary>
    public string KeyRingContainer { get; set; } = "dataprotection-keys";

    /// <summary>Every instance of the app sets the same name, so they share one ring and read each other's payloads.</summary>
    public string ApplicationName { get; set; } = "OrgFunctions";

    /// <summary>The Key Vault holding <see cref="CertificateName"/> (https URI); empty where the ring is not encrypted (local).</summary>
    public string KeyVaultUri { get; set; } = "";

    /// <summary>A Key Vault certificate whose key encrypts the ring; empty: the ring is stored unencrypted (a warning is logged).</summary>
    public string CertificateName { get; set; } = "";

    public bool UsesKeyVault => CertificateName.Length > 0;

    internal IEnumerable<string> Problems(string? homePrefix)
    {
        if (!ContainerName().IsMatch(KeyRingContainer) || KeyRingContainer.Contains("--", StringComparison.Ordinal))
        {
            yield return $"{Section}:KeyRingContainer '{KeyRingContainer}' is not a blob container name (3-63 lowercase letters, digits, single hyphens).";
        }
        if (!string.IsNullOrEmpty(homePrefix) && KeyRingContainer.StartsWith(homePrefix, StringComparison.Ordinal))
        {
            yield return $"{Section}:KeyRingContainer must be a container of its own, not one named like an org's file-drop home ('{homePrefix}…').";
        }
        if (string.IsNullOrWhiteSpace(ApplicationName))
        {
            yield return $"{Section}:ApplicationName must not be empty: it is what lets every instance share the key ring.";
        }
        if (UsesKeyVault && !(Uri.TryCreate(KeyVaultUri, UriKind.Absolute, out var vault) && vault.Scheme == Uri.UriSchemeHttps))
        {
            yield return $"{Section}:KeyVaultUri must be the https URI of the vault that holds certificate '{CertificateName}'.";
        }
        if (!UsesKeyVault && KeyVaultUri.Length > 0)
        {
            yield return $"{Section}:KeyVaultUri is set without {Section}:CertificateName: name the certificate that encrypts the key ring.";
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    private static partial Regex ContainerName();
}
