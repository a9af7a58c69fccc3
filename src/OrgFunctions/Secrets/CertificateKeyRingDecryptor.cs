using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace OrgFunctions.Secrets;

/// <summary>
/// Opens a key written by <see cref="CertificateKeyRingEncryptor"/>: the session key was encrypted for the certificate
/// the element names (X509 data), which must be one of <see cref="KeyRingCertificates.All"/>. Data Protection creates it
/// by its type name, through the constructor that takes the app's services.
/// </summary>
public sealed class CertificateKeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var document = new XmlDocument { XmlResolver = null };
        using (var reader = new XElement("root", encryptedElement).CreateReader())
        {
            document.Load(reader);
        }
        new WithKeyVaultCertificates(document, services.GetRequiredService<KeyRingCertificates>().All).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.FirstChild!.OuterXml);
    }

    private sealed class WithKeyVaultCertificates(XmlDocument document, IReadOnlyList<X509Certificate2> certificates)
        : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            foreach (var named in encryptedKey.KeyInfo.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates?.OfType<X509Certificate2>() ?? []))
            {
                var certificate = certificates.FirstOrDefault(c => c.Thumbprint == named.Thumbprint);
                using var key = certificate?.GetRSAPrivateKey();
                if (key is not null)
                {
                    return DecryptKey(encryptedKey.CipherData.CipherValue!, key,
                        encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
                }
            }
            throw new System.Security.Cryptography.CryptographicException(
                "A key of the ring is encrypted for a certificate that is not an enabled version of the Key Vault certificate.");
        }
    }
}
