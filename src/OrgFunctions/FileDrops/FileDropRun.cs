using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrgFunctions.FileDrops;

/// <summary>What one run did.</summary>
public sealed record FileDropRunSummary(int Listed, int Finished, int Busy, int Deferred, int Crashed);

/// <summary>
/// One timer run: finds inbox files of every org and ingests each in turn. Org folders aren't known up front, so the
/// container is listed without a prefix and names of the form <c>{org}/inbox/{file}</c> are kept. The listing goes on from
/// where the last run stopped (<see cref="ListingCursor"/>) and is bounded (<c>MaxBlobsListedPerRun</c>), and so is the
/// number of files taken (<c>MaxFilesPerRun</c>): a flood of files is worked off over several runs, and no org's inbox
/// waits behind another's history. One file's failure is logged and never stops the others.
/// </summary>
public sealed class FileDropRun(BlobServiceClient blobs, FileIngester ingester, ListingCursor cursor, IOptions<FileDropOptions> options,
    TimeProvider clock, ILogger<FileDropRun> logger)
{
    // The most blobs a listing page holds.
    private const int MaxPageSize = 5000;

    public async Task<FileDropRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(options.Value.Container);
        Listing listing;
        try
        {
            listing = await ListAsync(container, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Infra creates the container in Azure; locally, create it so there is somewhere to drop files.
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return new FileDropRunSummary(0, 0, 0, 0, 0);
        }

        var drops = listing.Drops;
        int finished = 0, busy = 0, deferred = 0, crashed = 0;
        foreach (var drop in drops)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                switch (await ingester.IngestAsync(container, drop, cancellationToken))
                {
                    case IngestOutcome.Finished: finished++; break;
                    case IngestOutcome.Busy: busy++; break;
                    default: deferred++; break;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                crashed++;
                logger.LogError("Ingesting a dropped file failed ({Error}: {Status}); it stays in the inbox for the next run.",
                    ex.GetType().Name, (ex as RequestFailedException)?.Status);
            }
        }
        await DeleteExpiredAsync(container, listing.Expired, cancellationToken);
        if (listing.ResumeAt != listing.StartedAt)
        {
            await cursor.SaveAsync(container.Name, listing.ResumeAt, cancellationToken);
        }
        return new FileDropRunSummary(drops.Count, finished, busy, deferred, crashed);
    }

    /// <summary>Inbox files found, where this listing started, and where the next run's goes on.</summary>
    private sealed record Listing(List<DropPath> Drops, List<string> Expired, ListingPosition StartedAt, ListingPosition ResumeAt);

    /// <summary>
    /// The inbox files of the next stretch of the container: whole pages from where the last run stopped, while they fit
    /// in <c>MaxBlobsListedPerRun</c>, until <c>MaxFilesPerRun</c> files are taken (possibly inside a page) or the end.
    /// Stopping inside a page, the next run lists that page again after the last name taken: files finished meanwhile
    /// are gone from it, and files that couldn't be (leased elsewhere, waiting, failing) are passed over until the wrap.
    /// </summary>
    private async Task<Listing> ListAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var pageSize = Math.Min(MaxPageSize, limits.MaxBlobsListedPerRun);
        var drops = new List<DropPath>();
        var expired = new List<string>();
        var now = clock.GetUtcNow();
        var startedAt = await cursor.ReadAsync(container.Name, cancellationToken);
        var (pageStart, after) = (startedAt.Marker, startedAt.After);
        var listed = 0;
        try
        {
            await foreach (var page in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken)
                               .AsPages(pageStart, pageSize))
            {
                foreach (var item in page.Values)
                {
                    if (after is not null && string.CompareOrdinal(item.Name, after) <= 0)
                    {
                        continue;
                    }
                    if (drops.Count >= limits.MaxFilesPerRun)
                    {
                        return new Listing(drops, expired, startedAt, new ListingPosition(pageStart, drops[^1].BlobName));
                    }
                    Take(item.Name, drops);
                    if (expired.Count < Retention.MaxDeletesPerRun && Retention.IsExpired(item, limits.KeepFinishedDays, now))
                    {
                        expired.Add(item.Name);
                    }
                }
                listed += page.Values.Count;
                var next = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
                if (next is null || listed + pageSize > limits.MaxBlobsListedPerRun || drops.Count >= limits.MaxFilesPerRun)
                {
                    return new Listing(drops, expired, startedAt, new ListingPosition(next, null));
                }
                (pageStart, after) = (next, null);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && pageStart is not null)
        {
            // A marker the service no longer takes: start again from the beginning next run.
            logger.LogWarning("The saved listing position of the SFTP container was refused ({Code}); listing starts over.", ex.ErrorCode);
        }
        return new Listing(drops, expired, startedAt, ListingPosition.Start);
    }

    private async Task DeleteExpiredAsync(BlobContainerClient container, List<string> expired, CancellationToken cancellationToken)
    {
        foreach (var name in expired)
        {
            try
            {
                await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // A directory that isn't empty (hierarchical namespace), or a leased blob: left for a later run.
            }
        }
        if (expired.Count > 0)
        {
            logger.LogInformation("Deleted {Count} finished file(s) kept longer than {Days} days.", expired.Count, options.Value.KeepFinishedDays);
        }
    }

    private void Take(string blobName, List<DropPath> drops)
    {
        if (DropPath.Parse(blobName) is not { } drop)
        {
            return;
        }
        if (drop.IsAddressable)
        {
            drops.Add(drop);
        }
        else
        {
            logger.LogWarning("A blob in an inbox has '.' or '..' segments in its name and can't be addressed; it is skipped. " +
                              "Remove it with a tool that can (its name is not logged).");
        }
    }
}
