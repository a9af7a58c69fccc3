using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Text;

namespace OrgFunctions.Domain.ApiKeys;

/// <summary>An API key: acts in one org with one role until revoked. Only the secret's hash is kept.</summary>
public sealed class ApiKey
{
    private ApiKey(string id, OrgId orgId, string name, string roleId, string secretHash, DateTimeOffset createdAt,
        DateTimeOffset? lastUsedAt, DateTimeOffset? revokedAt)
    {
        Id = id;
        OrgId = orgId;
        Name = name;
        RoleId = roleId;
        SecretHash = secretHash;
        CreatedAt = createdAt;
        LastUsedAt = lastUsedAt;
        RevokedAt = revokedAt;
    }

    public const int MaxNameLength = 100;

    public string Id { get; }
    public OrgId OrgId { get; }
    public string Name { get; }
    public string RoleId { get; }
    public string SecretHash { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new key and its secret; the caller shows the secret once and stores only the key.</summary>
    public static (ApiKey Key, ApiKeySecret Secret) Issue(OrgId orgId, string name, string roleId, DateTimeOffset now)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new DomainException($"An API key name must be 1 to {MaxNameLength} characters.");
        }
        TextPolicy.Ensure(trimmed, "An API key name");
        var secret = ApiKeySecret.Generate();
        return (new ApiKey(secret.KeyId, orgId, trimmed, roleId, secret.Hash, now, null, null), secret);
    }

    public static ApiKey Restore(string id, OrgId orgId, string name, string roleId, string secretHash, DateTimeOffset createdAt,
        DateTimeOffset? lastUsedAt, DateTimeOffset? revokedAt) =>
        new(id, orgId, name, roleId, secretHash, createdAt, lastUsedAt, revokedAt);

    /// <summary>True when <paramref name="presented"/> is this key's secret and the key is not revoked.</summary>
    public bool Authenticates(ApiKeySecret presented) =>
        !IsRevoked && presented.KeyId == Id && presented.Matches(SecretHash);

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;

    public void Revoke(DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw new DomainException($"API key {Id} is already revoked.");
        }
        RevokedAt = now;
    }
}
