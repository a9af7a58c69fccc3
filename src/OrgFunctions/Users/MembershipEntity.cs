using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>
/// A user's membership of an org, in the tree's partition of <c>Orgs</c> (RowKey <see cref="RowKeys.Member"/>): the
/// role, the status, the lockout count, and a copy of the user's email and name so that a listing reads only its page.
/// Every change of it is conditional on its ETag (<see cref="Domain.Users.Membership"/>).
/// </summary>
public sealed class MembershipEntity : TableRow
{
    public string Kind { get; set; } = "member";
    public string UserId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Path { get; set; } = "";
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string RoleId { get; set; } = "";
    public string Status { get; set; } = "active";
    public int TriesSinceSuccess { get; set; }
    public DateTimeOffset? LockedAt { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}
