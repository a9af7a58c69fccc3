#nullable disable
// Oblivious to nullability, as the real package is: see TableClient.cs.
using System.Linq.Expressions;
using Azure.Data.Tables.Internal;

namespace Azure.Data.Tables;

/// <summary>Queries, page by page, following the service's continuation headers.</summary>
public partial class TableClient
{
    public virtual Pageable<T> Query<T>(string filter = null, int? maxPerPage = null, IEnumerable<string> select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        new EntityPageable<T>(CreateQuery<T>(filter, maxPerPage, select), cancellationToken);

    public virtual AsyncPageable<T> QueryAsync<T>(string filter = null, int? maxPerPage = null, IEnumerable<string> select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        new EntityAsyncPageable<T>(CreateQuery<T>(filter, maxPerPage, select), cancellationToken);

    public virtual Pageable<T> Query<T>(Expression<Func<T, bool>> filter, int? maxPerPage = null, IEnumerable<string> select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        throw new NotSupportedException("TableClient.Query<T>(Expression) is not supported offline: pass a filter string (see CreateQueryFilter(FormattableString)).");

    public virtual AsyncPageable<T> QueryAsync<T>(Expression<Func<T, bool>> filter, int? maxPerPage = null, IEnumerable<string> select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        throw new NotSupportedException("TableClient.QueryAsync<T>(Expression) is not supported offline: pass a filter string (see CreateQueryFilter(FormattableString)).");

    private EntityQuery<T> CreateQuery<T>(string filter, int? maxPerPage, IEnumerable<string> select)
        where T : class, ITableEntity
    {
        if (maxPerPage is <= 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "maxPerPage must be between 1 and 1000.");
        }
        var columns = select is null ? null : string.Join(",", select);
        return new EntityQuery<T>(_connection, Name, filter, maxPerPage, string.IsNullOrEmpty(columns) ? null : columns);
    }
}
