namespace OrgFunctions.Domain.Users;

/// <summary>Whether a member may sign in to the org: an admin suspends and reactivates; a lockout is apart from it.</summary>
public enum MembershipStatus
{
    Active,
    Suspended,
}
