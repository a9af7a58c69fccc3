using MimeKit;

namespace OrgFunctions.Email;

/// <summary>The MIME message of a queued email: the same Message-Id on every attempt, so a resent copy is recognisable.</summary>
public static class EmailMime
{
    public static MimeMessage Compose(EmailRow row, string textBody, string? htmlBody, EmailOptions options)
    {
        var message = new MimeMessage
        {
            MessageId = MessageIdOf(row.EmailId, options.FromAddress),
            Date = row.CreatedAt,
            Subject = row.Subject,
            Body = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.To));
        return message;
    }

    /// <summary><c>{emailId}@{the sender's domain}</c> (RFC 5322 §3.6.4: unique, and a function of the email alone).</summary>
    public static string MessageIdOf(string emailId, string fromAddress) =>
        $"{emailId}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}";
}
