using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.Outbox;
using OrgFunctions.Secrets;
using OrgFunctions.Storage;

namespace OrgFunctions.Email;

/// <summary>
/// Sends what the email outbox holds, off the request path: for each tree marked as having emails pending, one range
/// query of its <c>mail:</c> rows; each due email is claimed (ETag-conditional, so two runs never send it at once),
/// sent over SMTP, and recorded as sent (bodies dropped), as retrying after the schedule's delay, or as failed after a
/// permanent refusal or the last attempt. At least once: a crash between the server's acceptance and the record sends
/// it again when the claim runs out, with the same Message-Id. A tree's mark is cleared once nothing is pending.
/// </summary>
public sealed class EmailDispatcher(OrgTables tables, SecretCodec codec, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<EmailDispatcher> logger)
{
    public sealed record Result(int Trees, int Sent, int Retrying, int Failed);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var total = new Result(0, 0, 0, 0);
        await using var smtp = new SmtpSession(options.Value);
        foreach (var mark in await PendingTrees.ListAsync(tables.Index, EmailOutbox.PendingPartition, cancellationToken))
        {
            Result tree;
            bool pending;
            try
            {
                (tree, pending) = await DispatchTreeAsync(mark.RowKey, smtp, cancellationToken);
            }
            catch (RequestFailedException ex)
            {
                // One tree's storage trouble doesn't hold up the others; a claimed email is retried when its claim ends.
                logger.LogWarning(ex, "Email dispatch of tree {TreeId} failed; its emails stay pending", mark.RowKey);
                continue;
            }
            total = new Result(total.Trees + 1, total.Sent + tree.Sent, total.Retrying + tree.Retrying, total.Failed + tree.Failed);
            if (!pending)
            {
                await PendingTrees.ClearIfIdleAsync(tables.Index, mark, clock.GetUtcNow(), cancellationToken);
            }
        }
        return total;
    }

    /// <returns>What was done, and whether emails of the tree are still pending.</returns>
    public async Task<(Result Result, bool Pending)> DispatchTreeAsync(string treeId, SmtpSession smtp, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (sent, retrying, failed, attempted, pending) = (0, 0, 0, 0, false);
        await foreach (var entity in tables.Orgs.QueryAsync<EmailEntity>(RowKeys.PrefixFilter(treeId, EmailRow.RowKeyPrefix),
                           cancellationToken: cancellationToken))
        {
            var row = EmailRow.Read(entity);
            if (row.Status != EmailStatus.Pending)
            {
                if (now - (row.FinishedAt ?? row.CreatedAt) > options.Value.Retention)
                {
                    await DeleteQuietlyAsync(entity, cancellationToken);
                }
                continue;
            }
            pending = true;
            if (row.NextAttemptAt > now || attempted >= options.Value.MaxPerTreePerRun)
            {
                continue;
            }
            attempted++;
            switch (await DeliverAsync(entity, smtp, cancellationToken))
            {
                case EmailStatus.Sent:
                    sent++;
                    break;
                case EmailStatus.Failed:
                    failed++;
                    break;
                case EmailStatus.Pending:
                    retrying++;
                    break;
            }
        }
        return (new Result(1, sent, retrying, failed), pending);
    }

    /// <summary>
    /// Sends one email as read in <paramref name="entity"/> unless another run claimed or finished it since (then
    /// null: nothing sent). The returned status is the one recorded.
    /// </summary>
    public async Task<EmailStatus?> DeliverAsync(EmailEntity entity, SmtpSession smtp, CancellationToken cancellationToken)
    {
        var row = EmailRow.Read(entity);
        var now = clock.GetUtcNow();
        if (row.Status != EmailStatus.Pending || row.NextAttemptAt > now)
        {
            return null;
        }
        row.Attempts++;
        row.NextAttemptAt = now + options.Value.ClaimFor;
        if (!await TryWriteAsync(row, entity.TextBody, entity.HtmlBody, cancellationToken))
        {
            return null;
        }

        SendResult result;
        try
        {
            var text = codec.Reveal(EmailRow.BodyPurpose, entity.TextBody ?? throw new CryptographicException("The email has no stored body."));
            var html = entity.HtmlBody is { } storedHtml ? codec.Reveal(EmailRow.BodyPurpose, storedHtml) : null;
            result = await smtp.SendAsync(EmailMime.Compose(row, text, html, options.Value), cancellationToken);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentNullException)
        {
            result = new SendResult(false, true, "body-unreadable");
        }
        return await RecordAsync(row, entity, result, cancellationToken);
    }

    private async Task<EmailStatus> RecordAsync(EmailRow row, EmailEntity entity, SendResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var retryIn = result.Succeeded || result.Permanent
            ? null
            : options.Value.Schedule.DelayAfter(row.Attempts, null, Random.Shared.NextDouble());
        row.LastError = result.Error;
        if (result.Succeeded || retryIn is null)
        {
            row.Status = result.Succeeded ? EmailStatus.Sent : EmailStatus.Failed;
            row.NextAttemptAt = null;
            row.FinishedAt = now;
        }
        else
        {
            row.NextAttemptAt = now + retryIn.Value;
        }
        var finished = row.Status != EmailStatus.Pending;
        // Finished rows lose their bodies: the links they carry must not outlive their use at rest.
        var written = await TryWriteAsync(row, finished ? null : entity.TextBody, finished ? null : entity.HtmlBody,
            cancellationToken);

        switch (row.Status)
        {
            case EmailStatus.Sent:
                logger.LogInformation("Email {EmailId} of tree {TreeId} sent (attempt {Attempt})", row.EmailId, row.TreeId, row.Attempts);
                break;
            case EmailStatus.Failed:
                logger.LogWarning("Email {EmailId} of tree {TreeId} failed after {Attempts} attempt(s): {Error}; it will not be sent",
                    row.EmailId, row.TreeId, row.Attempts, row.LastError);
                break;
            default:
                logger.LogInformation("Email {EmailId} of tree {TreeId} attempt {Attempt} failed ({Error}); retrying at {NextAttemptAt:o}",
                    row.EmailId, row.TreeId, row.Attempts, row.LastError, row.NextAttemptAt);
                break;
        }
        if (!written)
        {
            // Only a run that took over an expired claim writes in between: that run records the outcome itself.
            logger.LogWarning("Email {EmailId} of tree {TreeId}: the outcome of attempt {Attempt} was not recorded (the row changed meanwhile)",
                row.EmailId, row.TreeId, row.Attempts);
        }
        return row.Status;
    }

    /// <summary>Replaces the row if it is still the version read (its ETag moves on with <paramref name="row"/>).</summary>
    private async Task<bool> TryWriteAsync(EmailRow row, string? protectedText, string? protectedHtml, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Orgs.UpdateEntityAsync(row.ToEntity(protectedText, protectedHtml), row.ETag, TableUpdateMode.Replace,
                cancellationToken);
            row.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    private async Task DeleteQuietlyAsync(EmailEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Orgs.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Retention is best effort: the next run tries again.
        }
    }
}
