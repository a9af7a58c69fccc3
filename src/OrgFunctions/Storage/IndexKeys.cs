using System.Security.Cryptography;
using System.Text;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Storage;

/// <summary>PartitionKeys of the <see cref="TableNames.OrgIndex"/> rows; each index row has RowKey "".</summary>
public static class IndexKeys
{
    public const string RowKey = "";

    public static string Org(OrgId orgId) => "org-" + orgId.Value;

    public static string ApiKey(string keyId) => "key-" + keyId;

    /// <summary>An owner's email, hashed: the index never needs it back and need not hold it in clear.</summary>
    public static string OwnerEmail(string email) =>
        "owner-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
