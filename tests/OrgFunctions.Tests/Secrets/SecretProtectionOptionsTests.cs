using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Secrets;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.Secrets;

/// <summary>The key ring's settings are checked on start, each problem named.</summary>
public class SecretProtectionOptionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static readonly TheoryData<string, string, string, string, string> Invalid = new()
    {
        // key ring container, application name, vault, certificate → the setting named
        { "sftp-ring", "OrgFunctions", "", "", "KeyRingContainer" }, // named like an org's SFTP home (sftp-{orgId})
        { "Keys_Here", "OrgFunctions", "", "", "KeyRingContainer" },
        { "dataprotection-keys", " ", "", "", "ApplicationName" },
        { "dataprotection-keys", "OrgFunctions", "", "ring-certificate", "KeyVaultUri" },
        { "dataprotection-keys", "OrgFunctions", "http://vault.example", "ring-certificate", "KeyVaultUri" },
        { "dataprotection-keys", "OrgFunctions", "https://vault.example", "", "CertificateName" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnInvalidSettingIsRefusedOnStartByName(string container, string applicationName, string vault, string certificate,
        string named)
    {
        using var instance = KeyRing.Instance(azurite, container, null,
            ("SecretProtection:ApplicationName", applicationName), ("SecretProtection:KeyVaultUri", vault),
            ("SecretProtection:CertificateName", certificate));

        var refused = Assert.Throws<OptionsValidationException>(() => instance.GetRequiredService<IOptions<SecretProtectionOptions>>().Value);

        Assert.Contains($"SecretProtection:{named}", refused.Message);
    }

    [Fact]
    public void TheDefaultContainerIsTheOneTheTemplatesCreateForTheRing()
    {
        using var resources = System.Text.Json.JsonDocument.Parse(
            File.ReadAllText(Path.Combine(OrgFunctions.Testing.RepoPaths.Root, "infra", "app-resources.json")));
        var defaults = new SecretProtectionOptions();

        Assert.Equal(resources.RootElement.GetProperty("storage").GetProperty("keyRingContainer").GetString(), defaults.KeyRingContainer);
        Assert.False(defaults.UsesKeyVault);
    }
}
