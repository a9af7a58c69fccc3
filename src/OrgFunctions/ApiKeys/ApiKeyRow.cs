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
    public static TableEntity Create(OrgPath orgPath, ApiKey key) => new(orgPath.RootId.Value, RowKeys.Key(orgPath.OrgId, key.Id))
    {
        ["Kind"] = "apikey",
        ["KeyId"] = key.Id,
        ["OrgId"] = key.OrgId.Value,
        ["Name"] = key.Name,
        ["RoleId"] = key.RoleId,
        ["SecretHash"] = key.SecretHash,
        ["CreatedAt"] = key.CreatedAt,
        ["LastUsedAt"] = key.LastUsedAt,
        ["RevokedAt"] = key.RevokedAt,
    };

    public static ApiKeyRecord Read(TableEntity row) => new(ApiKey.Restore(
        row.GetString("KeyId"),
        OrgId.Parse(row.GetString("OrgId")),
        row.GetString("Name"),
        row.GetString("RoleId"),
        row.GetString("SecretHash"),
        row.GetDateTimeOffset("CreatedAt")!.Value,
        row.GetDateTimeOffset("LastUsedAt"),
        row.GetDateTimeOffset("RevokedAt")), row.ETag);

    public static TableEntity Index(OrgPath orgPath, string keyId) => new(IndexKeys.ApiKey(keyId), IndexKeys.RowKey)
    {
        ["RootId"] = orgPath.RootId.Value,
        ["Path"] = orgPath.Value,
    };
}
