using Azure;
using Azure.Data.Tables;
using OrgFunctions.ApiKeys;
using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.ApiKeys;

/// <summary>API key rows store exactly the columns their string-keyed predecessors stored, and old rows read back.</summary>
public sealed class ApiKeyRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task KeyAndIndexRowsStoreTheColumnsTheyAlwaysStored()
    {
        var org = OrgPath.Root(OrgId.New());
        var (fresh, _) = ApiKey.Issue(org.OrgId, "ci", "owner", At);
        var (used, _) = ApiKey.Issue(org.OrgId, "ops", "admin", At);
        used.Revoke(At.AddDays(1));
        foreach (var key in new[] { fresh, used })
        {
            await StoredColumns.AssertSameAsync(_app.Tables.Orgs, ApiKeyRow.Create(org, key), Legacy(org, key));
        }
        await StoredColumns.AssertSameAsync(_app.Tables.Index, ApiKeyRow.Index(org, fresh.Id),
            new TableEntity(IndexKeys.ApiKey(fresh.Id), IndexKeys.RowKey) { ["RootId"] = org.RootId.Value, ["Path"] = org.Value });
    }

    [Fact]
    public async Task RecordingAUseChangesLastUsedAtAndNothingElse()
    {
        var org = OrgPath.Root(OrgId.New());
        var (key, _) = ApiKey.Issue(org.OrgId, "ci", "owner", At);
        var row = await StoredColumns.ReadLegacyAsync<ApiKeyEntity>(_app.Tables.Orgs, Legacy(org, key));

        await _app.Tables.Orgs.UpdateEntityAsync(ApiKeyRow.Used(row, At.AddHours(1)), row.ETag, TableUpdateMode.Merge);

        var after = (await _app.Tables.Orgs.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey)).Value;
        var expected = Legacy(org, key);
        expected["LastUsedAt"] = At.AddHours(1);
        Assert.Equal(expected.Where(p => p.Value is not null).Select(p => p.Key).Order(), after.Keys.Except(["odata.etag", "Timestamp"]).Order());
        Assert.Equal(At.AddHours(1), after.GetDateTimeOffset("LastUsedAt"));
        Assert.Equal(key.SecretHash, after.GetString("SecretHash"));
        Assert.Equal(key.Id, ApiKeyRow.Read((await _app.Tables.Orgs.GetEntityAsync<ApiKeyEntity>(row.PartitionKey, row.RowKey)).Value).Key.Id);
    }

    private static TableEntity Legacy(OrgPath org, ApiKey key) => new(org.RootId.Value, RowKeys.Key(org.OrgId, key.Id))
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
}
