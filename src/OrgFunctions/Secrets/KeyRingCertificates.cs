using System.Security.Cryptography.X509Certificates;
using Azure.Security.KeyVault.Certificates;

namespace OrgFunctions.Secrets;

/// <summary>
/// The Key Vault certificate that encrypts the key ring, fetched once with the app's identity: the current version
/// encrypts keys made from now on; every enabled version decrypts, so keys written before the certificate was renewed
/// stay readable. Disabling an old version is how to stop trusting it (after the keys it protects have expired).
/// </summary>
public sealed class KeyRingCertificates(CertificateClient client, string name)
{
    private readonly Lazy<(X509Certificate2 Current, IReadOnlyList<X509Certificate2> All)> _loaded = new(() => Load(client, name));

    public X509Certificate2 Current => _loaded.Value.Current;
    public IReadOnlyList<X509Certificate2> All => _loaded.Value.All;

    private static (X509Certificate2, IReadOnlyList<X509Certificate2>) Load(CertificateClient client, string name)
    {
        var current = client.DownloadCertificate(name, null, CancellationToken.None).Value;
        if (!current.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"Key Vault certificate '{name}' came without its private key: the app's identity needs to read its secret too.");
        }
        var all = new List<X509Certificate2> { current };
        foreach (var version in client.GetPropertiesOfCertificateVersions(name))
        {
            if (version.Enabled == true)
            {
                var certificate = client.DownloadCertificate(name, version.Version, CancellationToken.None).Value;
                if (certificate.HasPrivateKey && all.TrueForAll(c => c.Thumbprint != certificate.Thumbprint))
                {
                    all.Add(certificate);
                }
            }
        }
        return (current, all);
    }
}
