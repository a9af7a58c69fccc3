using Azure.Data.Tables;
using OrgFunctions.Outbox;
using OrgFunctions.Secrets;

namespace OrgFunctions.Email;

/// <summary>
/// Queues an email as a row of the tree's partition, to go in the same transaction as the change that causes it
/// (DESIGN §4, like <see cref="OutboxRows"/>): the email is queued if and only if the change is stored, and no request
/// ever waits on SMTP. <see cref="EmailDispatcher"/> sends it later. The bodies are encrypted at rest (they carry links
/// with tokens) and dropped once the email is sent or has failed.
/// </summary>
public sealed class EmailOutbox(SecretCodec codec, TimeProvider clock)
{
    /// <summary>The partition of <c>OrgIndex</c> whose rows name the trees with emails pending (<see cref="PendingTrees"/>).</summary>
    public const string PendingPartition = "email-pending";

    /// <summary>
    /// The row that queues <paramref name="message"/>, for a transaction of <paramref name="treePartition"/>. Submitted
    /// through <c>OrgStore.SubmitAsync</c>, the tree is marked for the dispatcher first; a writer with its own
    /// transaction calls <see cref="MarkAsync"/> before it.
    /// </summary>
    public TableTransactionAction Add(string treePartition, EmailMessage message) => Add(treePartition, message, NewId());

    /// <summary>With an id of the caller's: the same id twice is one email (the second transaction fails with 409).</summary>
    public TableTransactionAction Add(string treePartition, EmailMessage message, string emailId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var row = new EmailRow
        {
            TreeId = treePartition,
            RowKey = EmailRow.KeyOf(now, emailId),
            EmailId = emailId,
            To = message.To,
            ToName = message.ToName,
            Subject = message.Subject,
            CreatedAt = now,
        };
        return new TableTransactionAction(TableTransactionActionType.Add,
            row.ToEntity(codec.Protect(EmailRow.BodyPurpose, message.TextBody),
                message.HtmlBody is null ? null : codec.Protect(EmailRow.BodyPurpose, message.HtmlBody)));
    }

    public static string NewId() => "eml_" + Guid.NewGuid().ToString("N");

    public static bool HasEmails(IEnumerable<TableTransactionAction> actions) =>
        actions.Any(a => a.ActionType == TableTransactionActionType.Add
            && a.Entity.RowKey.StartsWith(EmailRow.RowKeyPrefix, StringComparison.Ordinal));

    /// <summary>Marks the tree as having emails to send; before the transaction that queues them.</summary>
    public static Task MarkAsync(TableClient index, string treeId, CancellationToken cancellationToken) =>
        PendingTrees.MarkAsync(index, PendingPartition, treeId, cancellationToken);
}
