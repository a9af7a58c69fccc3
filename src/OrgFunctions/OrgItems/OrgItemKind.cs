using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.OrgItems;

/// <summary>
/// One kind of an org's own items kept in its tree's partition (roles, templates, and what the users, workspaces and
/// sender-ID features add): what a missing one is called in a 404, where its rows are keyed, and how its typed row is
/// read (<see cref="OrgItemKind.Of"/>).
/// </summary>
public sealed record OrgItemKind<T>(string What, Func<OrgId, string> Prefix, Func<OrgId, string, string> RowKey, Func<T, ETag> ETagOf,
    Func<TableClient, string, CancellationToken, IAsyncEnumerable<T>> Query,
    Func<TableClient, string, string, CancellationToken, Task<T?>> Get) where T : class;

public static class OrgItemKind
{
    /// <summary>A kind whose rows are <typeparamref name="TEntity"/>s, read into <typeparamref name="T"/> by <paramref name="read"/>.</summary>
    public static OrgItemKind<T> Of<TEntity, T>(string what, Func<OrgId, string> prefix, Func<OrgId, string, string> rowKey,
        Func<TEntity, T> read, Func<T, ETag> etagOf) where TEntity : class, ITableEntity, new() where T : class =>
        new(what, prefix, rowKey, etagOf,
            (table, filter, cancellationToken) => ReadAll(table.QueryAsync<TEntity>(filter, cancellationToken: cancellationToken), read),
            async (table, partition, key, cancellationToken) =>
            {
                var row = await table.GetEntityIfExistsAsync<TEntity>(partition, key, cancellationToken: cancellationToken);
                return row.HasValue ? read(row.Value!) : null;
            });

    private static async IAsyncEnumerable<T> ReadAll<TEntity, T>(AsyncPageable<TEntity> rows, Func<TEntity, T> read) where TEntity : class
    {
        await foreach (var row in rows)
        {
            yield return read(row);
        }
    }
}
