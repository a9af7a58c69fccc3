using OrgFunctions.Domain.Users;

namespace OrgFunctions.Users.Members;

/// <summary>A membership as the API shows it: the user (<c>id</c>), the org, the role, the status and whether sign-in is locked.</summary>
public sealed record MemberView(string Id, string OrgId, string Email, string DisplayName, string RoleId, string Status, bool Locked,
    DateTimeOffset JoinedAt)
{
    public static MemberView From(MembershipRecord record) => new(
        record.Membership.UserId,
        record.Path.OrgId.Value,
        record.Email,
        record.DisplayName,
        record.Membership.RoleId,
        MembershipRow.StatusName(record.Membership.Status),
        record.Membership.IsLocked,
        record.JoinedAt);
}
