using OrgFunctions.Storage;

namespace OrgFunctions.Users.Invitations;

/// <summary>
/// The <see cref="TableNames.OrgIndex"/> row that finds an invitation by its accept token's hash
/// (<see cref="IndexKeys.InvitationToken"/>). It only locates: written before the invitation's transaction, it may point at
/// nothing (a failed transaction) or at an invitation whose token was replaced since (a resend); the invitation's own
/// <see cref="InvitationEntity.TokenHash"/> decides.
/// </summary>
public sealed class InvitationTokenEntity : TableRow
{
    public string RootId { get; set; } = "";
    public string Path { get; set; } = "";
    public string InvitationId { get; set; } = "";
}
