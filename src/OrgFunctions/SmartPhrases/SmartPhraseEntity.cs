using OrgFunctions.Storage;

namespace OrgFunctions.SmartPhrases;

/// <summary>A smart phrase's row (PartitionKey = org id, RowKey <c>sp:{id}</c>); <see cref="SmartPhraseRow"/> maps it.</summary>
public sealed class SmartPhraseEntity : TableRow
{
    public string Shortcut { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The phrase's tags, as a JSON array.</summary>
    public string? Tags { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>The reservation of a folded shortcut in its org (RowKey <c>short:{folded shortcut}</c>), holding its phrase's id.</summary>
public sealed class ShortcutEntity : TableRow
{
    public string PhraseId { get; set; } = "";
}
