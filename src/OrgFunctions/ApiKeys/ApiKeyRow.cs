using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.ApiKeys;

public sealed record ApiKeyRecord(ApiKey Key, ETag ETag);

/// <summary>An API key as a row of its tree's partition (the truth) and an index row (only locates it).</summary>
public static class ApiKeyRow
{
    public static ApiKeyEntity Create(OrgPath orgPath, ApiKey key) => new()
    {
        PartitionKey = orgPath.RootId.Value,
        RowKey = RowKeys.Key(orgPath.OrgId, key.Id),
        KeyId = key.Id,
        OrgId = key.OrgId.Value,
        Name = key.Name,
        RoleId = key.RoleId,
        SecretHash = key.SecretHash,
        CreatedAt = key.CreatedAt,
        LastUsedAt = key.LastUsedAt,
        RevokedAt = key.RevokedAt,
    };

    public static ApiKeyRecord Read(ApiKeyEntity row) => new(ApiKey.Restore(
        row.KeyId, OrgId.Parse(row.OrgId), row.Name, row.RoleId, row.SecretHash, row.CreatedAt, row.LastUsedAt, row.RevokedAt), row.ETag);

    /// <summary>A merge that records the key's last use and writes nothing else, on the ETag of the row read.</summary>
    public static ApiKeyUsedEntity Used(ApiKeyEntity row, DateTimeOffset now) =>
        new() { PartitionKey = row.PartitionKey, RowKey = row.RowKey, ETag = row.ETag, LastUsedAt = now };

    public static IndexEntity Index(OrgPath orgPath, string keyId) => new()
    {
        PartitionKey = IndexKeys.ApiKey(keyId),
        RowKey = IndexKeys.RowKey,
        RootId = orgPath.RootId.Value,
        Path = orgPath.Value,
    };
}
