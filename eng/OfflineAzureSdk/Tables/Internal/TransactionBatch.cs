using System.Text;
using Azure.Core;

namespace Azure.Data.Tables.Internal;

/// <summary>
/// An entity-group transaction as an OData $batch: one multipart/mixed batch holding one changeset with a
/// sub-request per action. Checked before sending: 1..100 actions, all in one partition, valid keys.
/// </summary>
internal static class TransactionBatch
{
    public const int MaxActions = 100;

    public static IReadOnlyList<TableTransactionAction> Validate(IEnumerable<TableTransactionAction> transactionActions)
    {
        ArgumentNullException.ThrowIfNull(transactionActions, nameof(transactionActions));
        var actions = transactionActions.ToList();
        if (actions.Count == 0)
        {
            throw new InvalidOperationException("The submitted transaction contains no actions.");
        }
        // Azure refuses a batch of more than 100 actions or one spanning partitions; Azurite applies either.
        // Refusing both here keeps local behaviour the same as Azure's.
        if (actions.Count > MaxActions)
        {
            throw new ArgumentException(
                $"A transaction may hold at most {MaxActions} actions; this one has {actions.Count}.", nameof(transactionActions));
        }
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i] is null)
            {
                throw new ArgumentException($"Transaction action {i} is null.", nameof(transactionActions));
            }
            TableKeys.Validate(actions[i].Entity, nameof(transactionActions));
        }
        var partition = actions[0].Entity.PartitionKey;
        var other = actions.FindIndex(a => !string.Equals(a.Entity.PartitionKey, partition, StringComparison.Ordinal));
        if (other >= 0)
        {
            throw new ArgumentException(
                $"All actions of a transaction must share one PartitionKey: action 0 has '{partition}', " +
                $"action {other} has '{actions[other].Entity.PartitionKey}'.", nameof(transactionActions));
        }
        return actions;
    }

    public static (string ContentType, byte[] Body) Build(Uri serviceUri, string table, string version, IReadOnlyList<TableTransactionAction> actions)
    {
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        var body = new StringBuilder();
        body.Append("--").Append(batchBoundary).Append("\r\n");
        body.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            body.Append("--").Append(changesetBoundary).Append("\r\n");
            body.Append("Content-Type: application/http\r\n");
            body.Append("Content-Transfer-Encoding: binary\r\n\r\n");
            AppendSubRequest(body, serviceUri, table, version, action);
        }
        body.Append("--").Append(changesetBoundary).Append("--\r\n");
        body.Append("--").Append(batchBoundary).Append("--\r\n");
        return ("multipart/mixed; boundary=" + batchBoundary, Encoding.UTF8.GetBytes(body.ToString()));
    }

    private static void AppendSubRequest(StringBuilder body, Uri serviceUri, string table, string version, TableTransactionAction action)
    {
        var entity = action.Entity;
        var entityUri = serviceUri.AbsoluteUri + "/" + TableConnection.EntityPath(table, entity.PartitionKey, entity.RowKey);
        var (method, uri, ifMatch, hasBody) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", serviceUri.AbsoluteUri + "/" + Uri.EscapeDataString(table), null, true),
            TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, null, true),
            TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
            // As in the real package, an update without an ETag is sent without If-Match (the service then upserts).
            TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, action.ETag == default ? null : action.ETag.ToString(), true),
            TableTransactionActionType.UpdateReplace => ("PUT", entityUri, action.ETag == default ? null : action.ETag.ToString(), true),
            TableTransactionActionType.Delete => ("DELETE", entityUri, action.ETag == default ? ETag.All.ToString() : action.ETag.ToString(), false),
            _ => throw new ArgumentException($"Unknown TableTransactionActionType {action.ActionType}.", "transactionActions"),
        };
        body.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n");
        body.Append("Accept: ").Append(TableConnection.JsonMinimalMetadata).Append("\r\n");
        body.Append("x-ms-version: ").Append(version).Append("\r\n");
        body.Append("DataServiceVersion: 3.0\r\n");
        if (ifMatch is not null)
        {
            body.Append("If-Match: ").Append(ifMatch).Append("\r\n");
        }
        if (hasBody)
        {
            body.Append("Prefer: return-no-content\r\n");
            body.Append("Content-Type: application/json\r\n\r\n");
            body.Append(Encoding.UTF8.GetString(EntityJsonWriter.Write(EntityMapper.ToProperties(entity)))).Append("\r\n");
        }
        else
        {
            body.Append("\r\n");
        }
    }

    /// <summary>The sub-responses of a batch answer, in the order of the actions.</summary>
    public static List<BufferedResponse> ParseResponse(Response response)
    {
        response.Headers.TryGetValue("Content-Type", out var contentType);
        var text = response.Content.ToString();
        var results = new List<BufferedResponse>();
        ParseMultipart(text, BoundaryOf(contentType) ?? throw Unreadable(), results);
        return results;
    }

    private static void ParseMultipart(string text, string boundary, List<BufferedResponse> results)
    {
        var delimiter = "--" + boundary;
        var parts = text.Split(delimiter);
        // parts[0] is the preamble; a part starting with "--" is the closing delimiter.
        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }
            var (headers, body) = SplitHeaders(part.TrimStart('\r', '\n'));
            var partType = headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
            if (partType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                ParseMultipart(body, BoundaryOf(partType) ?? throw Unreadable(), results);
            }
            else
            {
                results.Add(ParseHttpResponse(body));
            }
        }
    }

    private static BufferedResponse ParseHttpResponse(string text)
    {
        var (lines, body) = SplitLines(text);
        var statusLine = lines.FirstOrDefault() ?? throw Unreadable();
        var pieces = statusLine.Split(' ', 3);
        if (pieces.Length < 2 || !int.TryParse(pieces[1], out var status))
        {
            throw Unreadable();
        }
        var headers = lines.Skip(1).Select(ParseHeader).ToList();
        return new BufferedResponse(status, pieces.Length > 2 ? pieces[2] : string.Empty, headers,
            Encoding.UTF8.GetBytes(body.TrimEnd('\r', '\n')));
    }

    private static (List<(string Name, string Value)> Headers, string Body) SplitHeaders(string text)
    {
        var (lines, body) = SplitLines(text);
        return (lines.Select(ParseHeader).ToList(), body);
    }

    /// <summary>Lines up to the first empty line, and everything after it.</summary>
    private static (List<string> Lines, string Body) SplitLines(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var separator = 4;
        if (end < 0)
        {
            end = text.IndexOf("\n\n", StringComparison.Ordinal);
            separator = 2;
        }
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? string.Empty : text[(end + separator)..];
        var lines = head.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return (lines, body);
    }

    private static (string Name, string Value) ParseHeader(string line)
    {
        var colon = line.IndexOf(':');
        return colon < 0 ? (line.Trim(), string.Empty) : (line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    private static string? BoundaryOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }
        foreach (var parameter in contentType.Split(';'))
        {
            var trimmed = parameter.Trim();
            if (trimmed.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed["boundary=".Length..].Trim('"');
            }
        }
        return null;
    }

    private static InvalidOperationException Unreadable() => new("The transaction's multipart response could not be read.");
}
