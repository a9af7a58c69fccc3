using OrgFunctions.Storage;

namespace OrgFunctions.ApiKeys;

/// <summary>An API key's row in its tree's partition (RowKey <c>key:{orgId}:{keyId}</c>); <see cref="ApiKeyRow"/> maps it.</summary>
public sealed class ApiKeyEntity : TableRow
{
    public string Kind { get; set; } = "apikey";
    public string KeyId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Name { get; set; } = "";
    public string RoleId { get; set; } = "";

    /// <summary>The secret's hash; the secret itself is never stored.</summary>
    public string SecretHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>The one column a use of a key changes, merged into its <see cref="ApiKeyEntity"/> row.</summary>
public sealed class ApiKeyUsedEntity : TableRow
{
    public DateTimeOffset LastUsedAt { get; set; }
}
