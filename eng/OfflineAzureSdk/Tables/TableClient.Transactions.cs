#nullable disable
// Oblivious to nullability, as the real package is: see TableClient.cs.
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables.Internal;

namespace Azure.Data.Tables;

/// <summary>Entity-group transactions: all actions apply, or none does.</summary>
public partial class TableClient
{
    public virtual Response<IReadOnlyList<Response>> SubmitTransaction(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default) =>
        SubmitTransactionCoreAsync(transactionActions, async: false, cancellationToken).GetAwaiter().GetResult();

    public virtual Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default) =>
        SubmitTransactionCoreAsync(transactionActions, async: true, cancellationToken);

    private async Task<Response<IReadOnlyList<Response>>> SubmitTransactionCoreAsync(IEnumerable<TableTransactionAction> transactionActions,
        bool async, CancellationToken cancellationToken)
    {
        var actions = TransactionBatch.Validate(transactionActions);
        var (contentType, body) = TransactionBatch.Build(_connection.ServiceUri, Name, _connection.Version, actions);
        var message = _connection.CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _connection.SendExpectingAsync(message, async, cancellationToken).ConfigureAwait(false);

        var results = TransactionBatch.ParseResponse(response);
        var failed = results.FirstOrDefault(r => r.IsError);
        if (failed is not null)
        {
            throw Failure(failed, actions.Count);
        }
        return Response.FromValue<IReadOnlyList<Response>>(results, response);
    }

    /// <summary>
    /// The service names the failing action by prefixing the error message with its index ("57:The specified entity
    /// already exists."); when a transaction holds a single action, that action is the one.
    /// </summary>
    private static TableTransactionFailedException Failure(Response failed, int actionCount)
    {
        var inner = new RequestFailedException(failed, null, TableErrorParser.Instance);
        var (_, errorMessage) = TableErrorParser.ReadBody(failed);
        var match = errorMessage is null ? Match.Empty : Regex.Match(errorMessage, @"^(\d+):");
        if (match.Success)
        {
            inner.Data[TableTransactionFailedException.FailedEntityIndexKey] = match.Groups[1].Value;
        }
        else if (actionCount == 1)
        {
            inner.Data[TableTransactionFailedException.FailedEntityIndexKey] = "0";
        }
        return new TableTransactionFailedException(inner);
    }
}
