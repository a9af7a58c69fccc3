using OrgFunctions.Domain.Users;
using OrgFunctions.Http;

namespace OrgFunctions.Users.Invitations;

/// <summary><c>{ email, roleId, expiresInDays? }</c>: invite one address to the org with one of its roles.</summary>
public sealed record InvitationRequest(EmailAddress Email, string RoleId, TimeSpan Lifetime)
{
    public static InvitationRequest? Read(JsonObjectReader body)
    {
        var email = body.String("email", required: true, maxLength: EmailAddress.MaxLength + 2);
        var roleId = body.String("roleId", required: true, minLength: 1, maxLength: 64);
        var days = body.Int32("expiresInDays");
        body.RejectUnknownFields();

        EmailAddress? address = null;
        if (email is not null && !EmailAddress.TryCreate(email, out address, out var emailError))
        {
            body.Errors.Add("email", emailError);
        }
        if (!Invitation.TryLifetime(days, out var lifetime, out var daysError) && days is not null)
        {
            body.Errors.Add("expiresInDays", daysError);
        }
        return body.Errors.Any ? null : new InvitationRequest(address!, roleId!, lifetime);
    }
}

/// <summary>
/// The accept's body: <c>{ displayName, password }</c> for a new account; nothing (or <c>{}</c>) for someone who already
/// has one and is signed in.
/// </summary>
public sealed record AcceptRequest(string? DisplayName, string? Password)
{
    public const int MaxDisplayNameLength = 100;

    public static readonly AcceptRequest Empty = new(null, null);

    public static AcceptRequest? Read(JsonObjectReader body)
    {
        var displayName = body.Text("displayName", minLength: 1, maxLength: MaxDisplayNameLength);
        // Its rules are PasswordPolicy's, judged once the invited email is known.
        var password = body.String("password", maxLength: 4096);
        body.RejectUnknownFields();
        return body.Errors.Any ? null : new AcceptRequest(displayName is null ? null : Domain.Text.TextPolicy.Normalise(displayName).Trim(), password);
    }
}
