namespace OrgFunctions.Users.Invitations;

/// <summary>An invitation as listed: never its token, nor the token's hash. <c>status</c> reads <c>expired</c> past its expiry.</summary>
public sealed record InvitationView(string Id, string Email, string RoleId, string Status, string InvitedBy, DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt, string? AcceptedBy)
{
    public static InvitationView From(InvitationRecord record, DateTimeOffset now) => new(record.Invitation.Id, record.Invitation.Email.Value,
        record.Invitation.RoleId, InvitationRow.StatusName(record.Invitation.StatusAt(now)), record.Invitation.InvitedBy,
        record.Invitation.SentAt, record.Invitation.ExpiresAt, record.AcceptedBy);
}

/// <summary>An invitation just sent (created or resent): the one answer that carries its accept link.</summary>
public sealed record SentInvitationView(string Id, string Email, string RoleId, string Status, DateTimeOffset ExpiresAt, string AcceptUrl);

/// <summary>What the holder of an accept link may see before accepting: nothing else.</summary>
public sealed record InvitationPreview(PreviewOrg Org, PreviewInviter Inviter, DateTimeOffset ExpiresAt);

public sealed record PreviewOrg(string Name);

public sealed record PreviewInviter(string DisplayName);

/// <summary>An accepted invitation: the user is now a member of the org with the role.</summary>
public sealed record AcceptedInvitationView(string UserId, string OrgId, string RoleId);
