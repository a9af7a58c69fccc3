using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.FileDrops;

/// <summary>What one run did. <c>SetAside</c>: inbox blobs that can't be addressed, recorded this run (once each).</summary>
public sealed record FileDropRunSummary(int Listed, int Finished, int Busy, int Deferred, int Crashed, int SetAside = 0);

/// <summary>
/// One timer run: visits the org homes (the containers named <c>{ContainerPrefix}{orgId}</c>) and ingests the files in
/// each one's <c>inbox/</c> for the org the container belongs to; a name inside the container never decides the org. The
/// listing of homes, and of each home, goes on from where the last run stopped (<see cref="ListingCursor"/>) and is
/// bounded (<c>MaxContainersPerRun</c>, <c>MaxBlobsListedPerRun</c>, <c>MaxFilesPerRun</c>): a flood of files is worked
/// off over several runs, and no home waits behind another's history. One file's failure is logged and never stops the
/// others.
/// </summary>
public sealed class FileDropRun(BlobServiceClient blobs, FileDropHomes homes, FileIngester ingester, ListingCursor cursor,
    IOptions<FileDropOptions> options, TimeProvider clock, ILogger<FileDropRun> logger)
{
    // The most blobs (or containers) a listing page holds.
    private const int MaxPageSize = 5000;

    public async Task<FileDropRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var started = await cursor.ReadAsync(homes.Prefix, cancellationToken);
        var run = new RunState(options.Value.MaxFilesPerRun, options.Value.MaxBlobsListedPerRun);
        var resumeAt = await VisitHomesAsync(started, run, cancellationToken);
        if (resumeAt != started)
        {
            await cursor.SaveAsync(homes.Prefix, resumeAt, cancellationToken);
        }
        return new FileDropRunSummary(run.Listed, run.Finished, run.Busy, run.Deferred, run.Crashed, run.SetAside);
    }

    /// <summary>What is left of a run's bounds, and what it did.</summary>
    private sealed class RunState(int files, int blobs)
    {
        public int Files { get; set; } = files;
        public int Blobs { get; set; } = blobs;
        public int Deletes { get; set; } = Retention.MaxDeletesPerRun;
        public bool Spent => Files <= 0 || Blobs <= 0;
        public int Listed { get; set; }
        public int Finished { get; set; }
        public int Busy { get; set; }
        public int Deferred { get; set; }
        public int Crashed { get; set; }
        public int SetAside { get; set; }
    }

    /// <summary>
    /// Homes in name order from where the last run stopped, until <c>MaxContainersPerRun</c> are visited or the run's file
    /// or listing bounds are spent. A home the run stops inside is the first one the next run visits, from where it stopped.
    /// </summary>
    private async Task<HomesPosition> VisitHomesAsync(HomesPosition started, RunState run, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxContainersPerRun;
        var (pageStart, lastDone) = (started.Homes.Marker, started.Homes.After);
        var visited = 0;
        try
        {
            await foreach (var page in blobs.GetBlobContainersAsync(BlobContainerTraits.None, BlobContainerStates.None, homes.Prefix, cancellationToken)
                               .AsPages(pageStart, Math.Min(MaxPageSize, limit)))
            {
                var after = lastDone;
                foreach (var home in page.Values)
                {
                    if (after is not null && string.CompareOrdinal(home.Name, after) <= 0)
                    {
                        continue;
                    }
                    if (visited >= limit || run.Spent)
                    {
                        return new HomesPosition(new ListingPosition(pageStart, lastDone), null, ListingPosition.Start);
                    }
                    visited++;
                    if (await VisitHomeAsync(home.Name, started.StartOf(home.Name), run, cancellationToken) is { } inside)
                    {
                        return new HomesPosition(new ListingPosition(pageStart, lastDone), home.Name, inside);
                    }
                    lastDone = home.Name;
                }
                if (string.IsNullOrEmpty(page.ContinuationToken))
                {
                    break;
                }
                (pageStart, lastDone) = (page.ContinuationToken, null);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && pageStart is not null)
        {
            // A marker the service no longer takes: start again from the beginning next run.
            logger.LogWarning("The saved listing position of the SFTP homes was refused ({Code}); listing starts over.", ex.ErrorCode);
        }
        return HomesPosition.Start;
    }

    /// <summary>
    /// Ingests the inbox files of one home for the org it belongs to; null when its listing reached the end, else where
    /// the run stopped inside it.
    /// </summary>
    private async Task<ListingPosition?> VisitHomeAsync(string name, ListingPosition start, RunState run, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(name);
        var orgId = homes.OrgIdOf(name);
        var listing = await ListAsync(container, orgId, start, run, cancellationToken);
        OrgPath? org = null;
        if (listing.Drops.Count + listing.Unaddressable.Count > 0)
        {
            org = await ingester.ActiveOrgAsync(orgId, cancellationToken);
        }
        run.Listed += listing.Drops.Count;
        foreach (var drop in listing.Drops)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                switch (await ingester.IngestAsync(container, org, drop, cancellationToken))
                {
                    case IngestOutcome.Finished: run.Finished++; break;
                    case IngestOutcome.Busy: run.Busy++; break;
                    default: run.Deferred++; break;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                run.Crashed++;
                logger.LogError("Ingesting a dropped file failed ({Error}: {Status}); it stays in the inbox for the next run.",
                    ex.GetType().Name, (ex as RequestFailedException)?.Status);
            }
        }
        foreach (var (drop, etag, receivedAt) in listing.Unaddressable)
        {
            try
            {
                if (await ingester.SetAsideAsync(container, org, drop, etag, receivedAt, cancellationToken))
                {
                    run.SetAside++;
                }
            }
            catch (RequestFailedException ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError("Recording an unaddressable dropped file failed ({Status}); the next run tries again.", ex.Status);
            }
        }
        await DeleteExpiredAsync(container, listing.Expired, cancellationToken);
        return listing.ResumeAt;
    }

    /// <summary>Inbox files found, names that can't be addressed, expired finished files, and where to go on (null: the end).</summary>
    private sealed record Listing(List<DropPath> Drops, List<(DropPath Drop, ETag ETag, DateTimeOffset ReceivedAt)> Unaddressable,
        List<string> Expired, ListingPosition? ResumeAt);

    /// <summary>
    /// The inbox files of the next stretch of a home: pages from <paramref name="start"/> while the run may list, until the
    /// run's file quota is taken (possibly inside a page) or the end. Stopping inside a page, the next run lists that page
    /// again after the last name taken: files finished meanwhile are gone from it, and files that couldn't be (leased
    /// elsewhere, waiting, failing) are passed over until the wrap.
    /// </summary>
    private async Task<Listing> ListAsync(BlobContainerClient container, string orgId, ListingPosition start, RunState run,
        CancellationToken cancellationToken)
    {
        var listing = new Listing([], [], [], null);
        var now = clock.GetUtcNow();
        var (pageStart, after) = (start.Marker, start.After);
        try
        {
            while (true)
            {
                var page = await FirstPageAsync(container, pageStart, Math.Min(MaxPageSize, run.Blobs), cancellationToken);
                if (page is null)
                {
                    return listing;
                }
                foreach (var item in page.Values)
                {
                    if (after is not null && string.CompareOrdinal(item.Name, after) <= 0)
                    {
                        continue;
                    }
                    if (run.Files <= 0)
                    {
                        return listing with { ResumeAt = new ListingPosition(pageStart, listing.Drops[^1].BlobName) };
                    }
                    Take(item, orgId, listing, run);
                    if (run.Deletes > 0 && Retention.IsExpired(item, options.Value.KeepFinishedDays, now))
                    {
                        listing.Expired.Add(item.Name);
                        run.Deletes--;
                    }
                }
                run.Blobs -= page.Values.Count;
                var next = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
                if (next is null)
                {
                    return listing;
                }
                if (run.Spent)
                {
                    return listing with { ResumeAt = new ListingPosition(next, null) };
                }
                (pageStart, after) = (next, null);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && pageStart is not null)
        {
            // A marker the service no longer takes: this home is listed from its beginning next time.
            logger.LogWarning("The saved listing position in {Container} was refused ({Code}); its listing starts over.", container.Name, ex.ErrorCode);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The home was removed (its org deleted) since the homes were listed.
        }
        return listing;
    }

    private static async Task<Page<BlobItem>?> FirstPageAsync(BlobContainerClient container, string? marker, int pageSize,
        CancellationToken cancellationToken)
    {
        await foreach (var page in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken).AsPages(marker, pageSize))
        {
            return page;
        }
        return null;
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

    private static void Take(BlobItem item, string orgId, Listing listing, RunState run)
    {
        if (DropPath.Parse(orgId, item.Name) is not { } drop)
        {
            return;
        }
        if (drop.IsAddressable)
        {
            listing.Drops.Add(drop);
            run.Files--;
        }
        else
        {
            listing.Unaddressable.Add((drop, item.Properties.ETag ?? default, item.Properties.LastModified ?? default));
        }
    }
}
