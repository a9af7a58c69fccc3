using Azure.Data.Tables;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Blocklist;

/// <summary>Blocklist rows and their event marks store exactly the columns their string-keyed predecessors stored.</summary>
public sealed class BlocklistRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EntryAndMarkRowsStoreTheColumnsTheyAlwaysStoredAndOldEntriesReadBack()
    {
        var table = StoredColumns.Table(azurite, TableNames.Blocklist);
        var org = OrgFunctions.Domain.Orgs.OrgId.New().Value;
        foreach (var entry in new[] { new BlockEntry(Channel.Sms, "+447700900123", "spam", null, At, "api"),
                     new BlockEntry(Channel.Email, "a@example.com", "", At.AddDays(3), At, "file") })
        {
            var legacy = new TableEntity(org, BlocklistRow.RowKey(entry.Channel, entry.Identifier))
            {
                ["Channel"] = entry.Channel.Name(), ["Identifier"] = entry.Identifier, ["Reason"] = entry.Reason, ["Until"] = entry.Until,
                ["AddedAt"] = entry.AddedAt, ["Source"] = entry.Source, ["ChangedAt"] = At.AddHours(1),
            };
            await StoredColumns.AssertSameAsync(table, BlocklistRow.Create(org, entry, At.AddHours(1)), legacy);
            var read = await StoredColumns.ReadLegacyAsync<BlocklistEntity>(table, legacy);
            Assert.Equal(entry, BlocklistRow.Read(read).Entry);
            Assert.Equal(At.AddHours(1), BlocklistRow.ChangedAt(read));
        }
        await StoredColumns.AssertSameAsync(table,
            new BlocklistEventMarkEntity { PartitionKey = PendingBlocklistEvents.PartitionKey, RowKey = org + "|k", OrgPath = org, EntryKey = "k", Actor = "a", MarkedAt = At },
            new TableEntity(PendingBlocklistEvents.PartitionKey, org + "|k") { ["OrgPath"] = org, ["EntryKey"] = "k", ["Actor"] = "a", ["MarkedAt"] = At });
    }
}
