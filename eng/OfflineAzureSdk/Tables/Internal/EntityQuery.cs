using System.Text.Json;
using Azure.Core;

namespace Azure.Data.Tables.Internal;

/// <summary>
/// One page of a query: GET {table}()?$filter&amp;$top&amp;$select plus NextPartitionKey/NextRowKey. The continuation
/// token is "{NextPartitionKey} {NextRowKey}", the same shape as the real package's.
/// </summary>
internal sealed class EntityQuery<T>(TableConnection connection, string table, string? filter, int? maxPerPage, string? select)
    where T : class, ITableEntity
{
    public async ValueTask<Page<T>> GetPageAsync(string? continuationToken, int? pageSizeHint, bool async, CancellationToken cancellationToken)
    {
        // Not disposed: the page hands the response to the caller.
        var message = connection.CreateMessage(RequestMethod.Get, Uri.EscapeDataString(table) + "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }
        if ((pageSizeHint ?? maxPerPage) is int top)
        {
            uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrEmpty(select))
        {
            uri.AppendQuery("$select", select);
        }
        var (nextPartitionKey, nextRowKey) = ParseToken(continuationToken);
        if (nextPartitionKey is not null)
        {
            uri.AppendQuery("NextPartitionKey", nextPartitionKey);
        }
        if (nextRowKey is not null)
        {
            uri.AppendQuery("NextRowKey", nextRowKey);
        }

        var response = await connection.SendExpectingAsync(message, async, cancellationToken).ConfigureAwait(false);
        var values = new List<T>();
        using (var json = JsonDocument.Parse(response.Content.ToMemory()))
        {
            if (json.RootElement.TryGetProperty("value", out var items))
            {
                foreach (var item in items.EnumerateArray())
                {
                    values.Add(EntityMapper.FromEntity<T>(EntityJsonReader.Read(item)));
                }
            }
        }
        return Page<T>.FromValues(values, TokenOf(response), response);
    }

    private static string? TokenOf(Response response)
    {
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partitionKey);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rowKey);
        return partitionKey is null && rowKey is null ? null : $"{partitionKey} {rowKey}";
    }

    private static (string? PartitionKey, string? RowKey) ParseToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, null);
        }
        var parts = token.Split(' ');
        return (NullIfEmpty(parts[0]), parts.Length > 1 ? NullIfEmpty(parts[1]) : null);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

internal sealed class EntityAsyncPageable<T>(EntityQuery<T> query, CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
    where T : class, ITableEntity
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await query.GetPageAsync(token, pageSizeHint, async: true, CancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}

internal sealed class EntityPageable<T>(EntityQuery<T> query, CancellationToken cancellationToken) : Pageable<T>(cancellationToken)
    where T : class, ITableEntity
{
    public override IEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = query.GetPageAsync(token, pageSizeHint, async: false, CancellationToken).AsTask().GetAwaiter().GetResult();
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
