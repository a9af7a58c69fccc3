using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using OrgFunctions.Storage;

namespace OrgFunctions.Health;

/// <summary>
/// Asks each storage service one cheap question with the app's own clients, so the answer covers address and
/// credentials alike: a service that answers (even "no such table") is up; no answer, a refusal (401/403), or an identity
/// that gets no token, is down. The real clients' <c>ExistsAsync</c> answers false only for its service's own "not found"
/// code and throws for anything else, a 404 with another code included: hence the catches below.
/// </summary>
internal sealed class StorageProbe(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues) : IStorageProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<StorageReachability> ProbeAsync(CancellationToken cancellationToken)
    {
        var table = AnswersAsync(async ct =>
        {
            await foreach (var _ in tables.GetTableClient(TableNames.Orgs).QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: ct).AsPages())
            {
                break;
            }
        }, cancellationToken);
        // Each org's SFTP home is its own container: a one-item page of the container listing shows the service answers.
        var blob = AnswersAsync(async ct =>
        {
            await foreach (var _ in blobs.GetBlobContainersAsync(cancellationToken: ct).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, cancellationToken);
        var queue = AnswersAsync(ct => queues.GetQueueClient("webhook-deliveries").ExistsAsync(ct), cancellationToken);
        return new StorageReachability(await table, await blob, await queue);
    }

    private static async Task<bool> AnswersAsync(Func<CancellationToken, Task> ask, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await ask(timeout.Token);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
        catch (AuthenticationFailedException)
        {
            // Identity-based connections: the credential found no identity or was refused before any request was sent.
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (AggregateException)
        {
            return false;
        }
    }
}
