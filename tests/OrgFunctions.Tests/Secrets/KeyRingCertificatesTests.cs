using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Security.KeyVault.Certificates;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OrgFunctions.Secrets;
using OrgFunctions.Testing.Azurite;

namespace OrgFunctions.Tests.Secrets;

/// <summary>
/// With <c>SecretProtection:CertificateName</c> set, every key of the ring is stored encrypted with the Key Vault
/// certificate (here a Moq <see cref="CertificateClient"/> serving self-signed versions), and opened with any enabled version.
/// </summary>
public class KeyRingCertificatesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Secret = "whsec_a2V5LXZhdWx0LXByb3RlY3RlZC1yaW5nLXNlY3JldA==";

    [Fact]
    public async Task TheRingHoldsNoReadableKeyAndASecondInstanceWithTheCertificateOpensIt()
    {
        var container = AzuriteFixture.UniqueName("keyring");
        using var certificate = SelfSigned("ring-v1");
        using var first = Instance(container, certificate);
        var stored = first.GetRequiredService<SecretCodec>().Protect("test.secret", Secret);

        var key = Assert.Single(await KeyRing.BlobsAsync(azurite, container));
        Assert.Contains("EncryptedData", key.Xml);
        Assert.DoesNotContain("<masterKey", key.Xml);
        Assert.Contains(certificate.Thumbprint, CertificateThumbprintsIn(key.Xml));

        using var second = Instance(container, certificate);
        Assert.Equal(Secret, second.GetRequiredService<SecretCodec>().Reveal("test.secret", stored));
    }

    [Fact]
    public void AfterTheCertificateIsRenewedKeysWrittenUnderTheOldVersionStillOpen()
    {
        var container = AzuriteFixture.UniqueName("keyring");
        using var old = SelfSigned("ring-v1");
        using var renewed = SelfSigned("ring-v2");
        using var before = Instance(container, old);
        var stored = before.GetRequiredService<SecretCodec>().Protect("test.secret", Secret);

        using var after = Instance(container, renewed, old);

        Assert.Equal(Secret, after.GetRequiredService<SecretCodec>().Reveal("test.secret", stored));
    }

    [Fact]
    public void WithoutTheCertificateTheRingCannotBeOpened()
    {
        var container = AzuriteFixture.UniqueName("keyring");
        using var certificate = SelfSigned("ring-v1");
        using var stranger = SelfSigned("someone-else");
        using var first = Instance(container, certificate);
        var stored = first.GetRequiredService<SecretCodec>().Protect("test.secret", Secret);

        using var other = Instance(container, stranger);

        Assert.ThrowsAny<CryptographicException>(() => other.GetRequiredService<SecretCodec>().Reveal("test.secret", stored));
    }

    /// <summary>An instance whose vault serves <paramref name="current"/> as the certificate and <paramref name="older"/> as enabled versions.</summary>
    private ServiceProvider Instance(string container, X509Certificate2 current, params X509Certificate2[] older)
    {
        var client = new Mock<CertificateClient>();
        client.Setup(c => c.DownloadCertificate("key-ring", null, It.IsAny<CancellationToken>()))
            .Returns(Response.FromValue(Copy(current), Mock.Of<Response>()));
        var versions = older.Prepend(current).Select((certificate, i) =>
        {
            client.Setup(c => c.DownloadCertificate("key-ring", $"v{i}", It.IsAny<CancellationToken>()))
                .Returns(Response.FromValue(Copy(certificate), Mock.Of<Response>()));
            var properties = CertificateModelFactory.CertificateProperties(name: "key-ring", version: $"v{i}");
            properties.Enabled = true;
            return properties;
        }).ToList();
        client.Setup(c => c.GetPropertiesOfCertificateVersions("key-ring", It.IsAny<CancellationToken>()))
            .Returns(Pageable<CertificateProperties>.FromPages([Page<CertificateProperties>.FromValues(versions, null, Mock.Of<Response>())]));
        return KeyRing.Instance(azurite, container, services => services.AddSingleton(client.Object),
            ("SecretProtection:KeyVaultUri", "https://vault.example"), ("SecretProtection:CertificateName", "key-ring"));
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }

    // What a download gives: a certificate object of its own, with its private key.
    private static X509Certificate2 Copy(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);

    private static IEnumerable<string> CertificateThumbprintsIn(string xml) =>
        System.Xml.Linq.XElement.Parse(xml).Descendants().Where(e => e.Name.LocalName == "X509Certificate")
            .Select(e => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(e.Value)).Thumbprint);
}
