using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

/// <summary>An import's row in the Imports table (RowKey <see cref="ImportRows.ImportKey"/>); its Kind is the file's kind.</summary>
public sealed class ImportEntity : TableRow
{
    public string? File { get; set; }

    /// <summary>The kind of file imported (<see cref="FileKind"/>'s name), not a row kind: every row of this range is an import.</summary>
    public string? Kind { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The finished import's report, as JSON; none while it runs.</summary>
    public string? Report { get; set; }
}

/// <summary>The claim of one content hash by the import that applies it (RowKey <c>sha256:{hex}</c>).</summary>
public sealed class ImportClaimEntity : TableRow
{
    public string ImportId { get; set; } = "";
    public string ImportRowKey { get; set; } = "";
    public string BlobName { get; set; } = "";
}
