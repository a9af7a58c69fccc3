using Microsoft.Extensions.Options;
using OrgFunctions.Configuration;

namespace OrgFunctions.Health;

/// <summary>
/// Probes each storage endpoint with a plain HTTP request: any HTTP answer (even 400/403, as an unsigned
/// request gets) means the service is there; a refused connection or a timeout means it is not.
/// </summary>
internal sealed class StorageProbe(IOptions<StorageOptions> options, IHttpClientFactory httpClients) : IStorageProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<StorageReachability> ProbeAsync(CancellationToken cancellationToken)
    {
        StorageEndpoints endpoints;
        try
        {
            endpoints = StorageEndpoints.Parse(options.Value.ConnectionString);
        }
        catch (FormatException)
        {
            return new StorageReachability(false, false, false);
        }

        var tables = AnswersAsync(endpoints.Tables, cancellationToken);
        var blobs = AnswersAsync(endpoints.Blobs, cancellationToken);
        var queues = AnswersAsync(endpoints.Queues, cancellationToken);
        return new StorageReachability(await tables, await blobs, await queues);
    }

    private async Task<bool> AnswersAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var client = httpClients.CreateClient(nameof(StorageProbe));
            using var response = await client.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
