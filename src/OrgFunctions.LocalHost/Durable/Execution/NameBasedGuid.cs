using System.Security.Cryptography;
using System.Text;

namespace OrgFunctions.LocalHost.Durable.Execution;

/// <summary>RFC 4122 §4.3 name-based UUIDs (version 5, SHA-1), the algorithm Durable uses for replay-safe GUIDs.</summary>
internal static class NameBasedGuid
{
    // The namespace Durable Task uses for orchestration GUIDs.
    public static readonly Guid DurableNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);

        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
