#nullable disable
// Oblivious to nullability, as the real package is: see TableClient.cs.
using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables.Internal;

namespace Azure.Data.Tables;

/// <summary>Single-entity operations. Keys are validated before any request (see TableKeys).</summary>
public partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");

    public virtual Response AddEntity<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        AddEntityCoreAsync(entity, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        AddEntityCoreAsync(entity, async: true, cancellationToken);

    public virtual Response UpsertEntity<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteEntityCoreAsync(entity, mode, ifMatch: null, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteEntityCoreAsync(entity, mode, ifMatch: null, async: true, cancellationToken);

    /// <summary>Updates an existing entity if its ETag still matches <paramref name="ifMatch"/> (ETag.All: unconditionally).</summary>
    public virtual Response UpdateEntity<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteEntityCoreAsync(entity, mode, RequireIfMatch(ifMatch), async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteEntityCoreAsync(entity, mode, RequireIfMatch(ifMatch), async: true, cancellationToken);

    public virtual Response<T> GetEntity<T>(string partitionKey, string rowKey, IEnumerable<string> select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        (Response<T>)GetEntityCoreAsync<T>(partitionKey, rowKey, select, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string> select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        (Response<T>)await GetEntityCoreAsync<T>(partitionKey, rowKey, select, async: true, cancellationToken).ConfigureAwait(false);

    public virtual NullableResponse<T> GetEntityIfExists<T>(string partitionKey, string rowKey, IEnumerable<string> select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        GetEntityCoreAsync<T>(partitionKey, rowKey, select, async: false, cancellationToken, allowMissing: true).GetAwaiter().GetResult();

    public virtual Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string> select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        GetEntityCoreAsync<T>(partitionKey, rowKey, select, async: true, cancellationToken, allowMissing: true);

    /// <summary>Deletes an entity; ifMatch default means unconditionally. A missing entity answers 404 without throwing, as in the real package.</summary>
    public virtual Response DeleteEntity(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
        DeleteEntityCoreAsync(partitionKey, rowKey, ifMatch, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
        DeleteEntityCoreAsync(partitionKey, rowKey, ifMatch, async: true, cancellationToken);

    public virtual Response DeleteEntity(ITableEntity entity, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return DeleteEntity(entity.PartitionKey, entity.RowKey, ifMatch, cancellationToken);
    }

    public virtual Task<Response> DeleteEntityAsync(ITableEntity entity, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ifMatch, cancellationToken);
    }

    private static ETag RequireIfMatch(ETag ifMatch) =>
        ifMatch == default ? throw new ArgumentException("Value cannot be empty: pass the entity's ETag, or ETag.All to update unconditionally.", nameof(ifMatch)) : ifMatch;

    private async Task<Response> AddEntityCoreAsync(ITableEntity entity, bool async, CancellationToken cancellationToken)
    {
        TableKeys.Validate(entity, nameof(entity));
        var message = _connection.CreateMessage(RequestMethod.Post, Uri.EscapeDataString(Name));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableConnection.SetJsonContent(message, EntityJsonWriter.Write(EntityMapper.ToProperties(entity)));
        return await _connection.SendExpectingAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replace is PUT, Merge is MERGE; with If-Match it is an update, without it an upsert.</summary>
    private async Task<Response> WriteEntityCoreAsync(ITableEntity entity, TableUpdateMode mode, ETag? ifMatch, bool async, CancellationToken cancellationToken)
    {
        TableKeys.Validate(entity, nameof(entity));
        var method = mode switch
        {
            TableUpdateMode.Replace => RequestMethod.Put,
            TableUpdateMode.Merge => Merge,
            _ => throw new ArgumentException($"Unexpected value for mode: {mode}", nameof(mode)),
        };
        var message = _connection.CreateMessage(method, TableConnection.EntityPath(Name, entity.PartitionKey, entity.RowKey));
        if (ifMatch is ETag etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString());
        }
        TableConnection.SetJsonContent(message, EntityJsonWriter.Write(EntityMapper.ToProperties(entity)));
        return await _connection.SendExpectingAsync(message, async, cancellationToken).ConfigureAwait(false);
    }

    private async Task<NullableResponse<T>> GetEntityCoreAsync<T>(string partitionKey, string rowKey, IEnumerable<string> select,
        bool async, CancellationToken cancellationToken, bool allowMissing = false)
        where T : class, ITableEntity
    {
        TableKeys.Validate(partitionKey, rowKey);
        var message = _connection.CreateMessage(RequestMethod.Get, TableConnection.EntityPath(Name, partitionKey, rowKey));
        if (select is not null && string.Join(",", select) is { Length: > 0 } columns)
        {
            message.Request.Uri.AppendQuery("$select", columns);
        }
        var allowed = allowMissing ? new[] { HttpStatusCode.NotFound } : [];
        var response = await _connection.SendExpectingAsync(message, async, cancellationToken, allowed).ConfigureAwait(false);
        if (response.Status == (int)HttpStatusCode.NotFound)
        {
            return new NoValueResponse<T>(response);
        }
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entity = EntityJsonReader.Read(json.RootElement);
        if (response.Headers.ETag is ETag etag)
        {
            entity.ETag = etag;
        }
        return Response.FromValue(EntityMapper.FromEntity<T>(entity), response);
    }

    private async Task<Response> DeleteEntityCoreAsync(string partitionKey, string rowKey, ETag ifMatch, bool async, CancellationToken cancellationToken)
    {
        TableKeys.Validate(partitionKey, rowKey);
        var message = _connection.CreateMessage(RequestMethod.Delete, TableConnection.EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", (ifMatch == default ? ETag.All : ifMatch).ToString());
        return await _connection.SendExpectingAsync(message, async, cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
    }
}
