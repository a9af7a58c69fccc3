namespace OrgFunctions.FileDrops;

/// <summary>
/// What one pass over a file found: rows read, rows skipped as repeats of an earlier row's key, the errors (the first
/// <c>MaxReportedErrors</c> listed, all counted), a file-level problem if the file can't be read as its kind, and the
/// SHA-256 of its bytes.
/// </summary>
public sealed class FileScan
{
    public long RowsRead { get; set; }
    public long Duplicates { get; set; }
    public long ErrorCount { get; set; }
    public List<RowError> Errors { get; } = [];
    public string? FileProblem { get; set; }
    public string Sha256 { get; set; } = "";
    public long Bytes { get; set; }

    public bool IsValid => FileProblem is null && ErrorCount == 0;
}
