namespace OrgFunctions.ApiKeys;

/// <summary>An API key as listed: never its secret, nor the secret's hash.</summary>
public sealed record ApiKeyView(string Id, string Name, string RoleId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKeyRecord record) => new(record.Key.Id, record.Key.Name, record.Key.RoleId, record.Key.CreatedAt,
        record.Key.LastUsedAt, record.Key.RevokedAt);
}
