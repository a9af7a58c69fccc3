namespace OrgFunctions.Domain.Users;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,

    /// <summary>Never stored: a pending invitation past its expiry reads as expired.</summary>
    Expired,
}
