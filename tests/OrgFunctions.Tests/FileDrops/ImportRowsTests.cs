using Azure.Data.Tables;
using OrgFunctions.FileDrops;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>Import and claim rows store exactly the columns their string-keyed predecessors stored.</summary>
public sealed class ImportRowsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ImportAndClaimRowsStoreTheColumnsTheyAlwaysStored()
    {
        var table = StoredColumns.Table(azurite, TableNames.Imports);
        var org = "org_" + Guid.NewGuid().ToString("N");
        var key = ImportRows.ImportKey(At, "imp_1");
        var report = new ImportReport { ImportId = "imp_1", File = "a.csv", Kind = "blocklist", Status = ImportReport.Completed, ReceivedAt = At };

        foreach (var (status, done) in new[] { (ImportRows.Running, (ImportReport?)null), (ImportReport.Completed, report) })
        {
            await StoredColumns.AssertSameAsync(table, ImportRows.Import(org, key, "a.csv", "blocklist", status, At, done), new TableEntity(org, key)
            {
                ["File"] = "a.csv", ["Kind"] = "blocklist", ["Status"] = status, ["ReceivedAt"] = At,
                ["Report"] = done is null ? null : System.Text.Json.JsonSerializer.Serialize(done, ReportJson.Options),
            });
        }
        await StoredColumns.AssertSameAsync(table, ImportRows.Claim(org, "ab12", "imp_1", key, "inbox/a.csv"),
            new TableEntity(org, ImportRows.ClaimPrefix + "ab12") { ["ImportId"] = "imp_1", ["ImportRowKey"] = key, ["BlobName"] = "inbox/a.csv" });
    }
}
