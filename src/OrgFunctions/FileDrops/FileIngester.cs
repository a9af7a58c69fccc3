using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.FileDrops;

public enum IngestOutcome
{
    /// <summary>The file was taken, and is now in processed/ or failed/ with its report.</summary>
    Finished,

    /// <summary>Another ingester holds its lease, or already moved it.</summary>
    Busy,

    /// <summary>The same content is being applied from another file right now: this one waits for the next run.</summary>
    Deferred,
}

/// <summary>
/// Ingests one dropped file under a blob lease (so no two ingesters work on it at once):
/// <list type="number">
/// <item>refuse what needn't be read (unsafe name, zero bytes, unknown kind, users, over the size limit);</item>
/// <item>validate every row in one streaming pass, hashing the bytes: any invalid row fails the whole file;</item>
/// <item>claim the content hash in the org's Imports partition: content already applied from another file is a duplicate;</item>
/// <item>apply in a second streaming pass, as upserts in batched transactions;</item>
/// <item>record the report in the import's row (the commit point), then the event, then the report blob and the move.</item>
/// </list>
/// The import id comes from the blob's name and ETag, so a run killed at any step is resumed by the next run on the same
/// file: before the commit point it validates and upserts again (same rows, no duplicates); after it, it only repeats
/// the steps after it, and the event's id and time come from the stored report, so it is emitted once.
/// </summary>
public sealed class FileIngester(OrgStore orgs, OrgDataTables tables, ImportApplier applier, OutboxOnce outbox,
    IOptions<FileDropOptions> options, TimeProvider clock, ILogger<FileIngester> logger)
{
    private FileDropOptions Options => options.Value;

    /// <summary>
    /// The org whose home the container is, when that org is active; null when there is none with that id, or it is
    /// deleted or still being provisioned: its drops are then refused with a report, never applied.
    /// </summary>
    public async Task<OrgPath?> ActiveOrgAsync(string orgId, CancellationToken cancellationToken)
    {
        if (await orgs.LocateAsync(orgId, cancellationToken) is not { } location)
        {
            return null;
        }
        var record = await orgs.GetAsync(location, cancellationToken);
        return record is { Org.Status: OrgStatus.Active } ? record.Org.Path : null;
    }

    public async Task<IngestOutcome> IngestAsync(BlobContainerClient container, OrgPath? org, DropPath drop, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(drop.BlobName);
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(TimeSpan.FromSeconds(Options.LeaseSeconds), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return IngestOutcome.Busy;
        }

        var keeper = new LeaseKeeper(lease, TimeSpan.FromSeconds(Options.LeaseSeconds), logger, cancellationToken);
        var finished = false;
        try
        {
            var properties = (await blob.GetPropertiesAsync(new BlobRequestConditions { LeaseId = lease.LeaseId }, keeper.Token)).Value;
            var outcome = await IngestLeasedAsync(container, blob, lease.LeaseId, org, drop, properties, keeper.Token);
            finished = outcome == IngestOutcome.Finished;
            return outcome;
        }
        finally
        {
            await keeper.DisposeAsync();
            if (!finished)
            {
                try
                {
                    await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
                }
                catch (RequestFailedException)
                {
                    // Expired or gone: nothing to release.
                }
            }
        }
    }

    private async Task<IngestOutcome> IngestLeasedAsync(BlobContainerClient container, BlobClient blob, string leaseId, OrgPath? org, DropPath drop,
        BlobProperties properties, CancellationToken cancellationToken)
    {
        var importId = ImportIdOf(drop.BlobName, properties.ETag);
        var receivedAt = properties.LastModified;
        var kind = FileKinds.Detect(drop.FileName);
        var report = new ImportReport
        {
            ImportId = importId, File = ReportText.Neutralise(drop.SafeFileName), Kind = kind.Name(), Status = ImportReport.Failed,
            Bytes = properties.ContentLength, ReceivedAt = receivedAt, FinishedAt = clock.GetUtcNow(),
        };
        if (org is null)
        {
            // No active org owns this home: nothing of it to record in; the file still leaves the inbox with its report.
            await MoveAsync(container, blob, leaseId, drop, report with { Problem = NoActiveOrg }, cancellationToken);
            return IngestOutcome.Finished;
        }

        await tables.EnsureCreatedAsync();
        var orgId = org.OrgId.Value;
        var rowKey = ImportRows.ImportKey(receivedAt, importId);
        var stored = await tables.Imports.GetEntityIfExistsAsync<ImportEntity>(orgId, rowKey, cancellationToken: cancellationToken);
        if (stored.HasValue && ImportRows.ReadReport(stored.Value!) is { } done)
        {
            await FinishAsync(container, blob, leaseId, drop, org, rowKey, done, cancellationToken);
            return IngestOutcome.Finished;
        }
        if (!stored.HasValue)
        {
            await tables.Imports.UpsertEntityAsync(ImportRows.Import(orgId, rowKey, report.File, report.Kind, ImportRows.Running, receivedAt, null),
                TableUpdateMode.Replace, cancellationToken);
        }

        var result = await CheckAndApplyAsync(container, blob, drop, kind, properties, orgId, importId, rowKey, report, cancellationToken);
        if (result is null)
        {
            return IngestOutcome.Deferred;
        }
        await FinishAsync(container, blob, leaseId, drop, org, rowKey, result with { FinishedAt = clock.GetUtcNow() }, cancellationToken);
        return IngestOutcome.Finished;
    }

    /// <summary>One upload of one blob name is one import: an upload over it (new ETag) is another.</summary>
    private static string ImportIdOf(string blobName, ETag etag) =>
        "imp_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + etag))).ToLowerInvariant()[..24];

    private async Task<ImportReport?> CheckAndApplyAsync(BlobContainerClient container, BlobClient blob, DropPath drop, FileKind kind, BlobProperties properties,
        string orgId, string importId, string rowKey, ImportReport report, CancellationToken cancellationToken)
    {
        if (!drop.IsSafe)
        {
            return report with { Problem = "The file name is not a plain file name (it has a path separator, '..', control characters or " +
                                           "surrounding spaces, or is too long): the file was not read." };
        }
        if (properties.ContentLength == 0)
        {
            return report with { Problem = "The file is empty (zero bytes)." };
        }
        if (kind == FileKind.Users)
        {
            return report with { Problem = "users*.csv files invite users to the organisation, but the users feature doesn't exist yet: " +
                                           "the file was not applied. Send it again once user management is available." };
        }
        if (kind == FileKind.Unknown)
        {
            return report with { Problem = "Unknown file kind: the name must start with a supported prefix and end in .csv or .jsonl.",
                SupportedKinds = FileKinds.Supported };
        }
        if (properties.ContentLength > Options.MaxFileBytes)
        {
            return report with { Problem = $"The file is {properties.ContentLength} bytes; the limit is {Options.MaxFileBytes}. It was not read." };
        }

        FileSchema schema = kind == FileKind.Blocklist ? new BlocklistFileSchema() : new SmartPhrasesFileSchema();
        var maxRows = kind == FileKind.SmartPhrases ? Options.MaxSmartPhraseRows : Options.MaxRows;
        FileScan scan;
        await using (var content = await OpenAsync(blob, cancellationToken))
        {
            scan = await FileScanner.ScanAsync(content, schema, Options, report.ReceivedAt, null, cancellationToken, maxRows,
                FileKinds.IsJsonLines(drop.FileName));
        }
        report = report with
        {
            RowsRead = scan.RowsRead, SkippedDuplicates = scan.Duplicates, ErrorCount = scan.ErrorCount, Errors = scan.Errors,
            Sha256 = scan.Sha256, Bytes = scan.Bytes,
        };
        if (!scan.IsValid)
        {
            return report with { Problem = scan.FileProblem ?? $"{scan.ErrorCount} invalid row(s): nothing was applied." };
        }

        switch (await ClaimAsync(container, orgId, scan.Sha256, importId, rowKey, drop.BlobName, cancellationToken))
        {
            case (false, _):
                return null;
            case (true, { } original):
                return report with
                {
                    Status = ImportReport.Duplicate, SkippedDuplicates = scan.RowsRead, DuplicateOf = original,
                    Problem = "The same content (SHA-256) was already applied by an earlier file: nothing was applied again.",
                };
        }

        await using var again = await OpenAsync(blob, cancellationToken);
        var (applied, count) = await applier.ApplyAsync(again, schema, orgId, importId, report.ReceivedAt, Options, cancellationToken,
            FileKinds.IsJsonLines(drop.FileName));
        if (applied.Sha256 != scan.Sha256 || !applied.IsValid)
        {
            throw new InvalidOperationException("The file changed between validation and apply.");
        }
        return report with { Status = ImportReport.Completed, Applied = count };
    }

    /// <summary>
    /// Claims a content hash for this import. (true, null): ours (new, or resumed). (true, id): already applied by import id,
    /// a duplicate. (false, _): another import of the same content is under way (its file is still in the inbox).
    /// </summary>
    private async Task<(bool Go, string? DuplicateOf)> ClaimAsync(BlobContainerClient container, string orgId, string sha256, string importId,
        string rowKey, string blobName, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Imports.AddEntityAsync(ImportRows.Claim(orgId, sha256, importId, rowKey, blobName), cancellationToken);
            return (true, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }
        var claim = (await tables.Imports.GetEntityAsync<ImportClaimEntity>(orgId, ImportRows.ClaimPrefix + sha256,
            cancellationToken: cancellationToken)).Value;
        var owner = claim.ImportId;
        if (owner == importId)
        {
            return (true, null);
        }
        var other = await tables.Imports.GetEntityIfExistsAsync<ImportEntity>(orgId, claim.ImportRowKey, cancellationToken: cancellationToken);
        var status = other.HasValue ? other.Value!.Status : null;
        if (status == ImportReport.Completed)
        {
            return (true, owner);
        }
        if (status == ImportRows.Running)
        {
            if (await IsStillInInboxAsync(container, claim.BlobName, owner, cancellationToken))
            {
                return (false, null);
            }
            await MarkAbandonedAsync(other.Value!, owner, cancellationToken);
        }
        // The claimer failed or its file left the inbox unfinished: take the claim over (ETag: one taker wins).
        await tables.Imports.UpdateEntityAsync(ImportRows.Claim(orgId, sha256, importId, rowKey, blobName), claim.ETag, TableUpdateMode.Replace,
            cancellationToken);
        return (true, null);
    }

    /// <summary>
    /// Whether the upload that a running import works on is still in the inbox, to be finished by a run. A claim written
    /// before claims named their blob is assumed to be.
    /// </summary>
    private static async Task<bool> IsStillInInboxAsync(BlobContainerClient container, string? blobName, string importId,
        CancellationToken cancellationToken)
    {
        if (blobName is null)
        {
            return true;
        }
        try
        {
            var properties = await container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return ImportIdOf(blobName, properties.Value.ETag) == importId;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// An import whose file was deleted or replaced in the inbox before it finished will never be resumed: its row says so,
    /// instead of "running" for ever. What it upserted before it stopped stays (the same entries as the file's).
    /// </summary>
    private async Task MarkAbandonedAsync(ImportEntity import, string importId, CancellationToken cancellationToken)
    {
        var report = new ImportReport
        {
            ImportId = importId, File = import.File ?? "", Kind = import.Kind ?? "", Status = ImportReport.Failed,
            ReceivedAt = import.ReceivedAt ?? default, FinishedAt = clock.GetUtcNow(),
            Problem = "The file was deleted or replaced in the inbox before it was finished; rows applied before it stopped were kept.",
        };
        var row = ImportRows.Import(import.PartitionKey, import.RowKey, report.File, report.Kind, report.Status, report.ReceivedAt, report);
        try
        {
            await tables.Imports.UpdateEntityAsync(row, import.ETag, TableUpdateMode.Replace, cancellationToken);
            logger.LogWarning("Import {ImportId} was abandoned: its file left the inbox before it finished.", importId);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another run recorded it first.
        }
    }

    private async Task FinishAsync(BlobContainerClient container, BlobClient blob, string leaseId, DropPath drop, OrgPath org, string rowKey, ImportReport report,
        CancellationToken cancellationToken)
    {
        report = report with { MovedTo = Destination(drop, report) };
        var orgId = org.OrgId.Value;
        // The commit point: once the report is in the import's row, a resumed run only repeats what follows.
        await tables.Imports.UpsertEntityAsync(ImportRows.Import(orgId, rowKey, report.File, report.Kind, report.Status, report.ReceivedAt, report),
            TableUpdateMode.Replace, cancellationToken);
        await outbox.AddAsync(org.RootId.Value, IngestEvent(orgId, report), cancellationToken);
        await MoveAsync(container, blob, leaseId, drop, report, cancellationToken);
    }

    public static DomainEvent IngestEvent(string orgId, ImportReport report)
    {
        var type = report.Succeeded ? EventTypes.IngestCompleted : EventTypes.IngestFailed;
        return new DomainEvent(OutboxOnce.DeterministicId(type, orgId, report.ImportId), type, orgId, report.FinishedAt, "system:file-drops",
            new JsonObject
            {
                ["importId"] = report.ImportId,
                ["file"] = report.File,
                ["kind"] = report.Kind,
                ["status"] = report.Status,
                ["rowsRead"] = report.RowsRead,
                ["applied"] = report.Applied,
                ["skippedDuplicates"] = report.SkippedDuplicates,
                ["errorCount"] = report.ErrorCount,
                ["problem"] = report.Problem,
                ["report"] = report.MovedTo is null ? null : report.MovedTo + ".report.json",
            });
    }

    private static string Destination(DropPath drop, ImportReport report) =>
        $"{(report.Succeeded ? "processed" : "failed")}/{report.ImportId}/{drop.SafeFileName}";

    private const string NoActiveOrg = "This SFTP home belongs to no active organisation (there is none with its id, or it was deleted or " +
                                       "is still being provisioned): the file was not read.";

    /// <summary>
    /// Records, once, a blob of the inbox whose name has "." or ".." segments: it can be listed but no request can address
    /// it, so it can't be leased, read, moved or deleted, and would otherwise be met again on every run. The record is a
    /// failed import in the org's list (with its event) when the home's org is active, a report blob in <c>failed/</c>,
    /// and a marker (written last, so a crash repeats the idempotent steps before it) that later runs find and pass over.
    /// True when recorded now, false when it already was.
    /// </summary>
    public async Task<bool> SetAsideAsync(BlobContainerClient container, OrgPath? org, DropPath drop, ETag etag, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        var importId = ImportIdOf(drop.BlobName, etag);
        var marker = "aside:" + container.Name + ":" + importId;
        await tables.EnsureCreatedAsync();
        if ((await tables.Imports.GetEntityIfExistsAsync<TableEntity>(ListingCursor.Partition, marker, cancellationToken: cancellationToken)).HasValue)
        {
            return false;
        }
        var report = new ImportReport
        {
            ImportId = importId, File = ReportText.Neutralise(drop.SafeFileName), Kind = FileKinds.Detect(drop.FileName).Name(),
            Status = ImportReport.Failed, ReceivedAt = receivedAt, FinishedAt = clock.GetUtcNow(),
            Problem = (org is null ? NoActiveOrg + " " : "") +
                      "The file's name has '.' or '..' segments (backslashes in an SFTP path become '/'), so storage lists it but no " +
                      "request can address it: it can't be read or moved and stays in the inbox, where it isn't looked at again. " +
                      "Delete it over SFTP and upload it again under a plain name.",
        };
        if (org is not null)
        {
            var orgId = org.OrgId.Value;
            await tables.Imports.UpsertEntityAsync(ImportRows.Import(orgId, ImportRows.ImportKey(receivedAt, importId), report.File, report.Kind,
                report.Status, receivedAt, report), TableUpdateMode.Replace, cancellationToken);
            await outbox.AddAsync(org.RootId.Value, IngestEvent(orgId, report), cancellationToken);
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options);
        await container.GetBlobClient($"failed/{importId}/{drop.SafeFileName}.report.json").UploadAsync(new BinaryData(json), overwrite: true, cancellationToken);
        await tables.Imports.UpsertEntityAsync(
            new PassedOverFileEntity { PartitionKey = ListingCursor.Partition, RowKey = marker, ImportId = importId, RecordedAt = report.FinishedAt },
            TableUpdateMode.Replace, cancellationToken);
        logger.LogWarning("A file in the inbox of {Container} has '.' or '..' segments in its name and can't be addressed; recorded as import " +
                          "{ImportId} and passed over from now on (its name is not logged).", container.Name, importId);
        return true;
    }

    /// <summary>Report first, then the file's copy, then the inbox blob is deleted under the lease: each step repeatable.</summary>
    private async Task MoveAsync(BlobContainerClient container, BlobClient blob, string leaseId, DropPath drop, ImportReport report, CancellationToken cancellationToken)
    {
        var destination = report.MovedTo ?? Destination(drop, report);
        report = report with { MovedTo = destination };
        var json = JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options);
        await container.GetBlobClient(destination + ".report.json").UploadAsync(new BinaryData(json), overwrite: true, cancellationToken);
        var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
        await using (var content = download.Value.Content)
        {
            await container.GetBlobClient(destination).UploadAsync(content, overwrite: true, cancellationToken);
        }
        await blob.DeleteAsync(DeleteSnapshotsOption.None, new BlobRequestConditions { LeaseId = leaseId }, cancellationToken);
        logger.LogInformation("Dropped file {ImportId} ({Kind}) {Status}: {Applied} applied, {Errors} errors.",
            report.ImportId, report.Kind, report.Status, report.Applied, report.ErrorCount);
    }

    private static async Task<Stream> OpenAsync(BlobClient blob, CancellationToken cancellationToken) =>
        (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
}
