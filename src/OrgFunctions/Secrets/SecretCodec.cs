using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace OrgFunctions.Secrets;

/// <summary>
/// How a secret is stored: <c>dp1:</c> + an ASP.NET Core Data Protection payload, bound to a purpose per kind of secret
/// (a webhook secret can't be pasted into another feature's column and read there). Keys live in their own container,
/// apart from the data (<see cref="BlobXmlRepository"/>). A stored value without the prefix is a row written before
/// secrets were encrypted: it is read as it is and protected on the row's next write.
/// </summary>
public sealed class SecretCodec(IDataProtectionProvider provider)
{
    public const string Prefix = "dp1:";
    private const string RootPurpose = "OrgFunctions.Secrets";

    public string Protect(string purpose, string secret) =>
        Prefix + Protector(purpose).Protect(secret ?? throw new ArgumentNullException(nameof(secret)));

    /// <summary>The secret; throws <see cref="System.Security.Cryptography.CryptographicException"/> when the ring can't open it.</summary>
    public string Reveal(string purpose, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return IsProtected(stored) ? Protector(purpose).Unprotect(stored[Prefix.Length..]) : stored;
    }

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    private IDataProtector Protector(string purpose) => _protectors.GetOrAdd(purpose, p => provider.CreateProtector(RootPurpose, p));

    private readonly ConcurrentDictionary<string, IDataProtector> _protectors = new(StringComparer.Ordinal);
}
