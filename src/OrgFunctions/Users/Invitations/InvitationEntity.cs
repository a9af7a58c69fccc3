using OrgFunctions.Storage;

namespace OrgFunctions.Users.Invitations;

/// <summary>
/// An invitation in its tree's partition of <c>Orgs</c> (RowKey <see cref="RowKeys.Invitation"/>): who is invited to which
/// org with which role, by whom, until when, and the hash of its current accept token (never the token). Every change of it
/// is conditional on its ETag, so two racing accepts, or an accept and a revoke, can't both win.
/// </summary>
public sealed class InvitationEntity : TableRow
{
    public string Kind { get; set; } = "invitation";
    public string Id { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Path { get; set; } = "";
    public string Email { get; set; } = "";
    public string RoleId { get; set; } = "";

    /// <summary>The actor who invited (<c>user:{id}</c> or <c>apikey:{id}</c>).</summary>
    public string InvitedBy { get; set; } = "";

    /// <summary>The name the invitee is shown as the inviter's, as it was when the invitation was sent.</summary>
    public string InviterName { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string Status { get; set; } = "pending";

    /// <summary>The SHA-256 of the current accept token (<c>UserToken.Hash</c>); a resend replaces it.</summary>
    public string TokenHash { get; set; } = "";
    public string? AcceptedBy { get; set; }
}
