using OrgFunctions.Domain.SmartPhrases;

namespace OrgFunctions.FileDrops;

/// <summary><c>shortcut,text,tags</c>: tags separated by ';'. A row's shortcut that exists in the org updates that phrase.</summary>
public sealed class SmartPhrasesFileSchema : FileSchema
{
    public override FileKind Kind => FileKind.SmartPhrases;
    public override IReadOnlyList<string> Columns { get; } = ["shortcut", "text", "tags"];
    public override IReadOnlyList<string> RequiredColumns { get; } = ["shortcut", "text"];

    public override ParsedRow? Parse(long line, Func<string, string> cell, List<RowError> errors, DateTimeOffset now)
    {
        var shortcut = cell("shortcut");
        var text = cell("text");
        var tags = cell("tags").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var problems = SmartPhrase.Problems(shortcut, text, tags).ToList();
        foreach (var (field, reason) in problems)
        {
            errors.Add(RowError.Of(line, field, reason, cell(field)));
        }
        if (problems.Count > 0)
        {
            return null;
        }
        var row = new SmartPhraseFileRow(shortcut.Trim(), text.Trim(), SmartPhrase.CleanTags(tags));
        return new ParsedRow(SearchText.Fold(row.Shortcut), row);
    }
}

public sealed record SmartPhraseFileRow(string Shortcut, string Text, IReadOnlyList<string> Tags);
