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

    /// <summary>A user's email (one account per address), hashed as <see cref="OwnerEmail"/> is.</summary>
    public static string UserEmail(string email) => "user-" + EmailHash(email);

    /// <summary>An invitation's accept token, by the token's hash (<c>UserToken.Hash</c>).</summary>
    public static string InvitationToken(string tokenHash) => "invite-" + tokenHash;

    /// <summary>A set-password link's token, by its hash.</summary>
    public static string PasswordToken(string tokenHash) => "pwset-" + tokenHash;

    /// <summary>A sender address (its <c>SenderAddress.Key</c>: channel and address), hashed: one tree holds it.</summary>
    public static string SenderAddress(string addressKey) =>
        "sender-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(addressKey)));

    /// <summary>An owner's email, hashed: the index never needs it back and need not hold it in clear.</summary>
    public static string OwnerEmail(string email) => "owner-" + EmailHash(email);

    private static string EmailHash(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
