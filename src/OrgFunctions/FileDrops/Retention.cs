using Azure.Storage.Blobs.Models;

namespace OrgFunctions.FileDrops;

/// <summary>
/// Which finished files (and their reports) in an org's <c>processed/</c> and <c>failed/</c> have been kept long enough
/// (<c>FileDrops:KeepFinishedDays</c>; 0 keeps them for ever). The runs delete them as they come across them in the
/// listing, so a home doesn't grow without end and the listing stays short. The Imports table keeps every report.
/// </summary>
public static class Retention
{
    /// <summary>Deletions per run, so that a first run over years of files stays short; the next runs go on.</summary>
    public const int MaxDeletesPerRun = 1000;

    public static bool IsExpired(BlobItem item, int keepDays, DateTimeOffset now)
    {
        if (keepDays <= 0 || item.Properties.LastModified is not { } modified || now - modified < TimeSpan.FromDays(keepDays))
        {
            return false;
        }
        return item.Name.StartsWith("processed/", StringComparison.Ordinal) || item.Name.StartsWith("failed/", StringComparison.Ordinal);
    }
}
