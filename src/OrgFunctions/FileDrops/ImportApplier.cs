using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Domain.SmartPhrases;
using OrgFunctions.SmartPhrases;
using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

/// <summary>
/// Writes a validated file's rows in table transactions of at most <c>BatchSize</c> operations, all in the org's
/// partition. Every write is an upsert by the row's key, so applying a file again (a run killed mid-file, resumed)
/// writes the same rows and creates none twice.
/// </summary>
public sealed class ImportApplier(OrgDataTables tables)
{
    public async Task<(FileScan Scan, long Applied)> ApplyAsync(Stream content, FileSchema schema, string orgId, string importId,
        DateTimeOffset receivedAt, FileDropOptions options, CancellationToken cancellationToken, bool jsonLines = false)
    {
        await tables.EnsureCreatedAsync();
        var batch = new List<TableTransactionAction>(options.BatchSize);
        var table = schema.Kind == FileKind.SmartPhrases ? tables.SmartPhrases : tables.Blocklist;
        var shortcuts = schema.Kind == FileKind.SmartPhrases ? await ShortcutsAsync(orgId, cancellationToken) : null;
        long applied = 0;

        async ValueTask Flush()
        {
            if (batch.Count > 0)
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        async ValueTask OnRow(ParsedRow row)
        {
            var actions = row.Value switch
            {
                BlocklistFileRow b => [BlocklistAction(orgId, b, receivedAt)],
                SmartPhraseFileRow p => PhraseActions(orgId, importId, p, shortcuts!, receivedAt),
                _ => throw new InvalidOperationException("Unknown row type."),
            };
            if (batch.Count + actions.Length > options.BatchSize)
            {
                await Flush();
            }
            batch.AddRange(actions);
            applied++;
        }

        var scan = await FileScanner.ScanAsync(content, schema, options, receivedAt, OnRow, cancellationToken,
            schema.Kind == FileKind.SmartPhrases ? options.MaxSmartPhraseRows : null, jsonLines);
        await Flush();
        return (scan, applied);
    }

    private static TableTransactionAction BlocklistAction(string orgId, BlocklistFileRow row, DateTimeOffset receivedAt) =>
        new(TableTransactionActionType.UpsertReplace,
            BlocklistRow.Create(orgId, new BlockEntry(row.Channel, row.Identifier, row.Reason, row.Until, receivedAt, "file"), receivedAt));

    private static TableTransactionAction[] PhraseActions(string orgId, string importId, SmartPhraseFileRow row,
        Dictionary<string, string> shortcuts, DateTimeOffset receivedAt)
    {
        var key = SearchText.Fold(row.Shortcut);
        if (!shortcuts.TryGetValue(key, out var id))
        {
            // New shortcut: an id derived from the import and the shortcut, so a resumed run writes the same phrase.
            id = "sp_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(importId + "\n" + key)))[..20].ToLowerInvariant();
            shortcuts[key] = id;
        }
        var phrase = new SmartPhrase(id, row.Shortcut, row.Text, row.Tags);
        return
        [
            new(TableTransactionActionType.UpsertReplace, SmartPhraseRow.Phrase(orgId, phrase, receivedAt)),
            new(TableTransactionActionType.UpsertReplace, SmartPhraseRow.Shortcut(orgId, phrase)),
        ];
    }

    /// <summary>The org's phrases by folded shortcut (one partition range; an org has at most a few thousand).</summary>
    private async Task<Dictionary<string, string>> ShortcutsAsync(string orgId, CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in tables.SmartPhrases.QueryAsync<SmartPhraseEntity>(SmartPhraseRow.PhraseRangeFilter(orgId),
                           cancellationToken: cancellationToken))
        {
            var phrase = SmartPhraseRow.Read(row).Phrase;
            map[phrase.ShortcutKey] = phrase.Id;
        }
        return map;
    }
}
