using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.SmartPhrases;
using OrgFunctions.Storage;

namespace OrgFunctions.SmartPhrases;

/// <summary>
/// Smart phrase rows, PartitionKey = org id: the phrase (<c>sp:{id}</c>) and its shortcut's reservation
/// (<c>short:{folded shortcut}</c>, holding the phrase id), written in one transaction so shortcuts stay unique per org.
/// </summary>
public static class SmartPhraseRow
{
    public const string PhrasePrefix = "sp:";
    public const string ShortcutPrefix = "short:";

    public static string PhraseKey(string id) => PhrasePrefix + id;

    public static string ShortcutKey(string foldedShortcut) => ShortcutPrefix + KeyEncoding.Encode(foldedShortcut);

    public static SmartPhraseEntity Phrase(string orgId, SmartPhrase phrase, DateTimeOffset updatedAt) => new()
    {
        PartitionKey = orgId,
        RowKey = PhraseKey(phrase.Id),
        Shortcut = phrase.Shortcut,
        Text = phrase.Text,
        Tags = JsonSerializer.Serialize(phrase.Tags),
        UpdatedAt = updatedAt,
    };

    public static ShortcutEntity Shortcut(string orgId, SmartPhrase phrase) =>
        new() { PartitionKey = orgId, RowKey = ShortcutKey(phrase.ShortcutKey), PhraseId = phrase.Id };

    public static (SmartPhrase Phrase, ETag ETag) Read(SmartPhraseEntity row) => (new SmartPhrase(
        row.RowKey[PhrasePrefix.Length..],
        row.Shortcut,
        row.Text,
        JsonSerializer.Deserialize<List<string>>(row.Tags ?? "[]") ?? []), row.ETag);

    public static string PhraseRangeFilter(string orgId) => RowKeys.PrefixFilter(orgId, PhrasePrefix);

    public static string ShortcutRangeFilter(string orgId) => RowKeys.PrefixFilter(orgId, ShortcutPrefix);
}
