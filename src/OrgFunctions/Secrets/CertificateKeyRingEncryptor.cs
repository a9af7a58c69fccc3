using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.Secrets;

/// <summary>
/// Encrypts each key of the ring with the Key Vault certificate's current version (<see cref="CertificateXmlEncryptor"/>,
/// XML encryption as <c>ProtectKeysWithCertificate</c> does), and names <see cref="CertificateKeyRingDecryptor"/> to open it:
/// Data Protection's own decryptor finds certificates only in options it keeps internal or in the machine's certificate
/// store, and this certificate comes from Key Vault at run time.
/// </summary>
public sealed class CertificateKeyRingEncryptor(KeyRingCertificates certificates, ILoggerFactory loggerFactory) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var encrypted = new CertificateXmlEncryptor(certificates.Current, loggerFactory).Encrypt(plaintextElement);
        return new EncryptedXmlInfo(encrypted.EncryptedElement, typeof(CertificateKeyRingDecryptor));
    }
}
