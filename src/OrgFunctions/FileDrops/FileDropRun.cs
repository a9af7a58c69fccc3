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
/// container is listed without a prefix and names of the form <c>{org}/inbox/{file}</c> are kept; the listing is bounded
/// (<c>MaxBlobsListedPerRun</c>) and so is the number of files taken (<c>MaxFilesPerRun</c>): a flood of files is worked
/// off over several runs. One file's failure is logged and never stops the others.
/// </summary>
public sealed class FileDropRun(BlobServiceClient blobs, FileIngester ingester, IOptions<FileDropOptions> options,
    ILogger<FileDropRun> logger)
{
    public async Task<FileDropRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(options.Value.Container);
        var drops = new List<DropPath>();
        var listed = 0;
        try
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken))
            {
                if (++listed > options.Value.MaxBlobsListedPerRun || drops.Count >= options.Value.MaxFilesPerRun)
                {
                    break;
                }
                if (DropPath.Parse(item.Name) is not { } drop)
                {
                    continue;
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
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Infra creates the container in Azure; locally, create it so there is somewhere to drop files.
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return new FileDropRunSummary(0, 0, 0, 0, 0);
        }

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
        return new FileDropRunSummary(drops.Count, finished, busy, deferred, crashed);
    }
}
