namespace Azure.Storage.Internal;

/// <summary>Fetches one page: (continuation token, page size hint, async?, cancellation) → page.</summary>
internal delegate ValueTask<Page<T>> StoragePageFetcher<T>(string? continuationToken, int? pageSizeHint, bool async,
    CancellationToken cancellationToken) where T : notnull;

/// <summary>Pages that follow the service's NextMarker until it is empty.</summary>
internal sealed class StoragePageable<T>(StoragePageFetcher<T> fetch, CancellationToken cancellationToken) : Pageable<T>(cancellationToken)
    where T : notnull
{
    public override IEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = fetch(token, pageSizeHint, false, CancellationToken).EnsureCompleted();
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}

internal sealed class StorageAsyncPageable<T>(StoragePageFetcher<T> fetch, CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await fetch(token, pageSizeHint, true, CancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
