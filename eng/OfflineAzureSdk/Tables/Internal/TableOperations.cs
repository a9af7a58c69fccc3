using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables.Models;

namespace Azure.Data.Tables.Internal;

/// <summary>Table-level requests (create, delete) shared by TableServiceClient and TableClient.</summary>
internal static class TableOperations
{
    public static async Task<Response<TableItem>> CreateAsync(TableConnection connection, string tableName, bool ifNotExists,
        bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var message = connection.CreateMessage(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableConnection.SetJsonContent(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = tableName }));
        var allowed = ifNotExists ? new[] { HttpStatusCode.Conflict } : [];
        var response = await connection.SendExpectingAsync(message, async, cancellationToken, allowed).ConfigureAwait(false);
        return Response.FromValue(new TableItem(tableName), response);
    }

    /// <summary>Deleting a table that doesn't exist answers its 404 response, as the real package does, rather than throwing.</summary>
    public static async Task<Response> DeleteAsync(TableConnection connection, string tableName, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var message = connection.CreateMessage(RequestMethod.Delete, $"Tables('{Uri.EscapeDataString(tableName)}')");
        return await connection.SendExpectingAsync(message, async, cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
    }
}
