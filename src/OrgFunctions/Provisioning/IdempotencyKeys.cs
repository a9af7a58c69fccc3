using System.Security.Cryptography;
using System.Text;

namespace OrgFunctions.Provisioning;

/// <summary>
/// Maps a request's <c>Idempotency-Key</c> to the orchestration instance id it stands for: a hash of the parent org and
/// the key, so the same key under the same parent is always the same instance (and two parents can't collide).
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is >= '!' and <= '~');

    public static string InstanceId(string parentId, string key) =>
        "prov-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parentId + "\n" + key)))[..40];

    /// <summary>A fresh instance id, for a request without a key.</summary>
    public static string NewInstanceId() => "prov-" + Guid.NewGuid().ToString("N");
}
