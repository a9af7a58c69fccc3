using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.FileDrops;

/// <summary>
/// Keeps a blob lease alive while a file is worked on (renewing at a third of its duration). If a renewal fails the
/// lease may be someone else's now: <see cref="Token"/> is cancelled so the work stops before it moves the file.
/// </summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    public LeaseKeeper(BlobLeaseClient lease, TimeSpan duration, ILogger logger, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Token = _stop.Token;
        _loop = RenewAsync(lease, duration / 3, logger);
    }

    public CancellationToken Token { get; }

    private async Task RenewAsync(BlobLeaseClient lease, TimeSpan interval, ILogger logger)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _stop.Token);
                await lease.RenewAsync(cancellationToken: _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Lost the lease on a dropped file ({Error}); stopping work on it.", ex.GetType().Name);
                await _stop.CancelAsync();
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
