using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.FileDrops;

/// <summary>
/// Each org's SFTP home: a container of its own, <c>{ContainerPrefix}{orgId}</c>, made when the org is provisioned and
/// removed with it. The org a dropped file belongs to is the container it is in, which only that org's SFTP local user can
/// reach, never a name the uploader chose.
/// </summary>
public sealed class FileDropHomes(BlobServiceClient blobs, IOptions<FileDropOptions> options, ILogger<FileDropHomes> logger)
{
    public string Prefix => options.Value.ContainerPrefix;

    public string ContainerName(OrgId orgId) => Prefix + orgId.Value;

    public BlobContainerClient Container(OrgId orgId) => blobs.GetBlobContainerClient(ContainerName(orgId));

    /// <summary>The org whose home a container of the prefix is; the rest of the name when it isn't an org id (still a home, of no org).</summary>
    public string OrgIdOf(string containerName) =>
        containerName.StartsWith(Prefix, StringComparison.Ordinal) ? containerName[Prefix.Length..] : containerName;

    /// <summary>Idempotent: a redelivered provisioning step finds the container there.</summary>
    public Task CreateAsync(OrgId orgId, CancellationToken cancellationToken) =>
        Container(orgId).CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>
    /// Removes the homes of orgs whose deletion is already committed. A failure is logged, not thrown: the delete stands
    /// (a retried request would find the org gone), and a home left behind only gets refusals.
    /// </summary>
    public async Task RemoveAfterDeleteAsync(IEnumerable<OrgId> orgIds, CancellationToken cancellationToken)
    {
        try
        {
            await RemoveAsync(orgIds, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            logger.LogError("Removing the SFTP homes of deleted orgs failed ({Status} {Code}); the homes left only get refusals.",
                ex.Status, ex.ErrorCode);
        }
    }

    /// <summary>Removes the homes of deleted orgs, with everything in them; one already gone is fine.</summary>
    public async Task RemoveAsync(IEnumerable<OrgId> orgIds, CancellationToken cancellationToken)
    {
        foreach (var orgId in orgIds)
        {
            try
            {
                await Container(orgId).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Already being deleted.
            }
        }
    }
}
