#nullable disable
// Oblivious to nullability, as the real package is: see TableClient.cs.
using Azure.Core;
using Azure.Data.Tables.Internal;
using Azure.Data.Tables.Models;

namespace Azure.Data.Tables;

/// <summary>A client for an account's Table service: creates and deletes tables and hands out TableClients.</summary>
public class TableServiceClient
{
    private readonly TableConnection _connection;

    protected TableServiceClient()
    {
    }

    public TableServiceClient(string connectionString)
        : this(connectionString, null)
    {
    }

    public TableServiceClient(string connectionString, TableClientOptions options = null)
        : this(TableConnection.FromConnectionString(connectionString, options))
    {
    }

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential)
        : this(endpoint, credential, null)
    {
    }

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions options)
        : this(TableConnection.FromSharedKey(endpoint, credential, options))
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential tokenCredential, TableClientOptions options = null)
        : this(TableConnection.FromToken(endpoint, tokenCredential, options))
    {
    }

    private TableServiceClient(TableConnection connection)
    {
        _connection = connection;
    }

    public virtual string AccountName => _connection.AccountName;

    public virtual Uri Uri => _connection.ServiceUri;

    public virtual TableClient GetTableClient(string tableName) => new(_connection, tableName);

    public virtual Response<TableItem> CreateTable(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_connection, tableName, ifNotExists: false, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response<TableItem>> CreateTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_connection, tableName, ifNotExists: false, async: true, cancellationToken);

    public virtual Response<TableItem> CreateTableIfNotExists(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_connection, tableName, ifNotExists: true, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_connection, tableName, ifNotExists: true, async: true, cancellationToken);

    public virtual Response DeleteTable(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.DeleteAsync(_connection, tableName, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.DeleteAsync(_connection, tableName, async: true, cancellationToken);

    public static string CreateQueryFilter(FormattableString filter) => ODataFilter.Create(filter);
}
