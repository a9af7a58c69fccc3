using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Domain.SmartPhrases;
using OrgFunctions.SmartPhrases;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.SmartPhrases;

/// <summary>Smart phrase and shortcut rows store exactly the columns their string-keyed predecessors stored, and old rows read back.</summary>
public sealed class SmartPhraseRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SmartPhraseAndShortcutRowsStoreTheColumnsTheyAlwaysStored()
    {
        var table = StoredColumns.Table(azurite, TableNames.SmartPhrases);
        var org = "org_" + Guid.NewGuid().ToString("N");
        var phrase = new SmartPhrase("sp_1", "/hi", "Hello there", ["greeting", "short"]);
        var legacy = new TableEntity(org, SmartPhraseRow.PhraseKey(phrase.Id))
        {
            ["Shortcut"] = phrase.Shortcut, ["Text"] = phrase.Text, ["Tags"] = JsonSerializer.Serialize(phrase.Tags), ["UpdatedAt"] = At,
        };

        await StoredColumns.AssertSameAsync(table, SmartPhraseRow.Phrase(org, phrase, At), legacy);
        await StoredColumns.AssertSameAsync(table, SmartPhraseRow.Shortcut(org, phrase),
            new TableEntity(org, SmartPhraseRow.ShortcutKey(phrase.ShortcutKey)) { ["PhraseId"] = phrase.Id });
        var read = SmartPhraseRow.Read(await StoredColumns.ReadLegacyAsync<SmartPhraseEntity>(table, legacy)).Phrase;
        Assert.Equal((phrase.Id, phrase.Shortcut, phrase.Text), (read.Id, read.Shortcut, read.Text));
        Assert.Equal(phrase.Tags, read.Tags);
    }
}
