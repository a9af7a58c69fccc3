#nullable disable
// The real Azure.Data.Tables is oblivious to nullable reference types; so is this public surface, so that code
// compiles without new nullability warnings in both build modes (DESIGN §2).
using System.Linq.Expressions;
using Azure.Core;
using Azure.Data.Tables.Internal;
using Azure.Data.Tables.Models;

namespace Azure.Data.Tables;

/// <summary>
/// A client for one table, over the Table REST API on Azure.Core's HttpPipeline. Source-compatible subset of
/// Azure.Data.Tables' TableClient; members it does not declare are not supported.
/// </summary>
public partial class TableClient
{
    private readonly TableConnection _connection;

    protected TableClient()
    {
    }

    public TableClient(string connectionString, string tableName)
        : this(connectionString, tableName, null)
    {
    }

    public TableClient(string connectionString, string tableName, TableClientOptions options = null)
        : this(TableConnection.FromConnectionString(connectionString, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential)
        : this(endpoint, tableName, credential, null)
    {
    }

    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions options = null)
        : this(TableConnection.FromSharedKey(endpoint, credential, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential tokenCredential, TableClientOptions options = null)
        : this(TableConnection.FromToken(endpoint, tokenCredential, options), tableName)
    {
    }

    internal TableClient(TableConnection connection, string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _connection = connection;
        Name = tableName;
    }

    public virtual string Name { get; }

    public virtual string AccountName => _connection.AccountName;

    public virtual Uri Uri => new(_connection.ServiceUri.AbsoluteUri + "/" + Uri.EscapeDataString(Name));

    public virtual Response<TableItem> Create(CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_connection, Name, ifNotExists: false, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response<TableItem>> CreateAsync(CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_connection, Name, ifNotExists: false, async: true, cancellationToken);

    public virtual Response<TableItem> CreateIfNotExists(CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_connection, Name, ifNotExists: true, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_connection, Name, ifNotExists: true, async: true, cancellationToken);

    public virtual Response Delete(CancellationToken cancellationToken = default) =>
        TableOperations.DeleteAsync(_connection, Name, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        TableOperations.DeleteAsync(_connection, Name, async: true, cancellationToken);

    /// <summary>Formats each interpolated value as an escaped OData literal (strings quoted with '' doubling, etc.).</summary>
    public static string CreateQueryFilter(FormattableString filter) => ODataFilter.Create(filter);

    public static string CreateQueryFilter<T>(Expression<Func<T, bool>> filter) =>
        throw new NotSupportedException("TableClient.CreateQueryFilter<T>(Expression) is not supported offline: use CreateQueryFilter(FormattableString).");
}
