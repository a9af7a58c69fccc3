using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Users;
using OrgFunctions.Email;

namespace OrgFunctions.Users.Invitations;

/// <summary>The accept link of a token, and the email that carries it (naming the org and the inviter).</summary>
public sealed class InvitationEmail(IOptions<UsersOptions> options)
{
    /// <summary><c>{PublicBaseUrl}/invitations/accept?token={token}</c>: the web app's page that shows and accepts it.</summary>
    public string AcceptUrl(UserToken token) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/invitations/accept?token={Uri.EscapeDataString(token.Token)}";

    public EmailMessage Compose(Invitation invitation, string orgName, string inviterName, string acceptUrl)
    {
        var expires = invitation.ExpiresAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = $"{inviterName} invited you to join {orgName}";
        var text = $"""
            {inviterName} invited you to join {orgName}.

            Accept the invitation: {acceptUrl}

            The link works once and expires on {expires}. If you didn't expect this invitation, ignore this email.
            """;
        var html = $"""
            <p>{WebUtility.HtmlEncode(inviterName)} invited you to join <strong>{WebUtility.HtmlEncode(orgName)}</strong>.</p>
            <p><a href="{WebUtility.HtmlEncode(acceptUrl)}">Accept the invitation</a></p>
            <p>The link works once and expires on {expires}. If you didn't expect this invitation, ignore this email.</p>
            """;
        return EmailMessage.Create(invitation.Email.Value, null, subject, text, html);
    }
}
