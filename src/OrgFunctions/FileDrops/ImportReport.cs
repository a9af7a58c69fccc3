using System.Text.Json.Serialization;

namespace OrgFunctions.FileDrops;

/// <summary>
/// The result of one dropped file, written beside it as <c>{name}.report.json</c>, kept in the Imports table, and
/// summarised in the <c>ingest.completed</c> / <c>ingest.failed</c> event.
/// </summary>
public sealed record ImportReport
{
    public required string ImportId { get; init; }
    public required string File { get; init; }
    public required string Kind { get; init; }

    /// <summary>completed, failed, or duplicate (same content as an earlier completed file: not applied again).</summary>
    public required string Status { get; init; }

    public long RowsRead { get; init; }
    public long Applied { get; init; }
    public long SkippedDuplicates { get; init; }
    public long ErrorCount { get; init; }
    public IReadOnlyList<RowError> Errors { get; init; } = [];

    /// <summary>Why the whole file was refused (empty, wrong header, too large, unknown kind...), if it was.</summary>
    public string? Problem { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SupportedKinds { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DuplicateOf { get; init; }

    public string? Sha256 { get; init; }
    public long Bytes { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>Where the file was moved (container-relative).</summary>
    public string? MovedTo { get; init; }

    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Duplicate = "duplicate";

    public bool Succeeded => Status == Completed;
}
