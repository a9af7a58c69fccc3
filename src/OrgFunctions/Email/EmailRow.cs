using Azure;
using OrgFunctions.Storage;

namespace OrgFunctions.Email;

/// <summary>
/// An email in the outbox: row <c>mail:{ticks}:{emailId}</c> of its tree's partition of <c>Orgs</c>, oldest first.
/// Pending until sent (then the bodies are dropped) or given up (failed, bodies dropped too); kept for
/// <see cref="EmailOptions.Retention"/> after that, so what happened stays visible.
/// </summary>
public sealed class EmailRow
{
    public const string RowKeyPrefix = "mail:";

    /// <summary>The Data Protection purpose of the bodies (<see cref="Secrets.SecretCodec"/>).</summary>
    public const string BodyPurpose = "email.body";

    public required string TreeId { get; init; }
    public required string EmailId { get; init; }
    public required string To { get; init; }
    public string? ToName { get; init; }
    public required string Subject { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public EmailStatus Status { get; set; } = EmailStatus.Pending;
    public int Attempts { get; set; }

    /// <summary>Not before this time: the next retry, or the end of a claim by a run that is sending it.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The last failure: an SMTP status or an exception type, never the server's text (it may quote the address).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Sorts by the time it was queued, then id.</summary>
    public required string RowKey { get; init; }

    public static string KeyOf(DateTimeOffset createdAt, string emailId) => $"{RowKeyPrefix}{createdAt.UtcTicks:D19}:{emailId}";

    /// <summary>The entity, with the protected bodies while pending (null once finished).</summary>
    public EmailEntity ToEntity(string? protectedText, string? protectedHtml) => new()
    {
        PartitionKey = TreeId,
        RowKey = RowKey,
        EmailId = EmailId,
        To = To,
        ToName = ToName,
        Subject = Subject,
        TextBody = protectedText,
        HtmlBody = protectedHtml,
        Status = Status.ToString().ToLowerInvariant(),
        Attempts = Attempts,
        NextAttemptAt = NextAttemptAt,
        LastError = LastError,
        CreatedAt = CreatedAt,
        FinishedAt = FinishedAt,
    };

    public static EmailRow Read(EmailEntity row) => new()
    {
        TreeId = row.PartitionKey,
        RowKey = row.RowKey,
        EmailId = row.EmailId,
        To = row.To,
        ToName = row.ToName,
        Subject = row.Subject,
        CreatedAt = row.CreatedAt ?? default,
        Status = Enum.TryParse<EmailStatus>(row.Status, ignoreCase: true, out var status) ? status : EmailStatus.Pending,
        Attempts = row.Attempts ?? 0,
        NextAttemptAt = row.NextAttemptAt,
        LastError = row.LastError,
        FinishedAt = row.FinishedAt,
        ETag = row.ETag,
    };
}

/// <summary>An email's row as stored (<see cref="EmailRow"/> maps it); the bodies are protected, and null once finished.</summary>
public sealed class EmailEntity : TableRow
{
    public string Kind { get; set; } = "email";
    public string EmailId { get; set; } = "";
    public string To { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string? TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public string? Status { get; set; }
    public int? Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public enum EmailStatus
{
    Pending,
    Sent,
    Failed,
}
