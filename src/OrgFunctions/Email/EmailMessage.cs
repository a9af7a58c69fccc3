using System.Text;
using OrgFunctions.Domain.Users;

namespace OrgFunctions.Email;

/// <summary>
/// One email to one recipient, as the outbox stores it: valid on creation (one bare address, as the domain's
/// <see cref="EmailAddress"/> decides, a one-line subject, a text body and an optional HTML one, each small enough for one table column once
/// encrypted). The bodies may carry links with tokens: <see cref="ToString"/> names the recipient's domain only.
/// </summary>
public sealed class EmailMessage
{
    public const int MaxSubjectLength = 400;

    /// <summary>Per body, in UTF-8: encrypted and base64-encoded it stays under a string column's 32K characters.</summary>
    public const int MaxBodyBytes = 20_000;

    private EmailMessage(string to, string? toName, string subject, string textBody, string? htmlBody)
    {
        To = to;
        ToName = toName;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
    }

    public string To { get; }
    public string? ToName { get; }
    public string Subject { get; }
    public string TextBody { get; }
    public string? HtmlBody { get; }

    public static bool TryCreate(string? to, string? toName, string? subject, string? textBody, string? htmlBody,
        out EmailMessage? message, out IReadOnlyDictionary<string, string> errors)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!EmailAddress.TryCreate(to, out var recipient, out var toProblem))
        {
            problems["to"] = toProblem + ".";
        }
        if (toName is not null && (toName.Length > 200 || toName.Any(char.IsControl)))
        {
            problems["toName"] = "must be at most 200 characters without control characters.";
        }
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength || subject.Any(char.IsControl))
        {
            problems["subject"] = $"must be one line of 1 to {MaxSubjectLength} characters.";
        }
        if (string.IsNullOrWhiteSpace(textBody) || Encoding.UTF8.GetByteCount(textBody) > MaxBodyBytes)
        {
            problems["textBody"] = $"must be 1 to {MaxBodyBytes} bytes of UTF-8.";
        }
        if (htmlBody is not null && (htmlBody.Length == 0 || Encoding.UTF8.GetByteCount(htmlBody) > MaxBodyBytes))
        {
            problems["htmlBody"] = $"must be absent or 1 to {MaxBodyBytes} bytes of UTF-8.";
        }
        errors = problems;
        message = problems.Count == 0 ? new EmailMessage(recipient!.Value, toName, subject!, textBody!, htmlBody) : null;
        return message is not null;
    }

    /// <summary>The message, or an <see cref="ArgumentException"/> naming what is invalid (for messages the app composes).</summary>
    public static EmailMessage Create(string to, string? toName, string subject, string textBody, string? htmlBody = null) =>
        TryCreate(to, toName, subject, textBody, htmlBody, out var message, out var errors)
            ? message!
            : throw new ArgumentException("Invalid email: " + string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}")));

    public override string ToString() => "email to *@" + To[(To.LastIndexOf('@') + 1)..];
}
