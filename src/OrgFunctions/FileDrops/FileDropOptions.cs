using System.ComponentModel.DataAnnotations;

namespace OrgFunctions.FileDrops;

/// <summary>Limits and places of the SFTP file drops (configuration section <c>FileDrops</c>), validated at start.</summary>
public sealed class FileDropOptions
{
    public const string Section = "FileDrops";

    /// <summary>
    /// Each org's SFTP home is its own container, <c>{ContainerPrefix}{orgId}</c>, which only that org's SFTP local user
    /// reaches. With the 20-character org id the name must stay a blob container name: at most 43 characters of lowercase
    /// letters, digits and single hyphens, starting with a letter or digit.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?!-)){0,42}$", ErrorMessage = "ContainerPrefix must start a blob container name (at most 43 characters).")]
    public string ContainerPrefix { get; set; } = "sftp-";

    /// <summary>Org homes (containers) visited per run; the next run goes on after the last one visited.</summary>
    [Range(1, 100_000)]
    public int MaxContainersPerRun { get; set; } = 500;

    /// <summary>Larger files are refused from their listed size, without being read.</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>One CSV record (or JSON line) may be at most this many UTF-8 bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRowBytes { get; set; } = 64 * 1024;

    /// <summary>Data rows per file (the duplicate check keeps one 8-byte hash per distinct key).</summary>
    [Range(1, 100_000_000)]
    public int MaxRows { get; set; } = 2_000_000;

    /// <summary>Smart-phrase files are small; their shortcuts are matched against the org's in memory.</summary>
    [Range(1, 1_000_000)]
    public int MaxSmartPhraseRows { get; set; } = 10_000;

    /// <summary>Files taken per timer run: the rest wait for the next run, so a flood of files bounds each run's work.</summary>
    [Range(1, 10_000)]
    public int MaxFilesPerRun { get; set; } = 50;

    /// <summary>Blobs looked at per run while searching for inbox files (processed/ and failed/ are listed too).</summary>
    [Range(1, 10_000_000)]
    public int MaxBlobsListedPerRun { get; set; } = 50_000;

    /// <summary>Days that files (and their report blobs) stay in processed/ and failed/; 0 keeps them for ever.</summary>
    [Range(0, 36_500)]
    public int KeepFinishedDays { get; set; } = 90;

    /// <summary>A blob lease lasts 15 to 60 seconds; it is renewed while the file is worked on.</summary>
    [Range(15, 60)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Entities per table transaction (Table Storage allows 100).</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Errors listed in a report (all are counted).</summary>
    [Range(0, 10_000)]
    public int MaxReportedErrors { get; set; } = 50;
}
