namespace OrgFunctions.FileDrops;

/// <summary>A row that passed validation: its key (unique per org; the upsert key) and what to write.</summary>
public sealed record ParsedRow(string Key, object Value);

/// <summary>The columns of one file kind and how a row of them is validated.</summary>
public abstract class FileSchema
{
    public abstract FileKind Kind { get; }

    /// <summary>Every known column, lowercase.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    public abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Validates one row (cells by column; absent optional columns are ""), adding an error per bad cell.</summary>
    public abstract ParsedRow? Parse(long line, Func<string, string> cell, List<RowError> errors, DateTimeOffset now);
}
