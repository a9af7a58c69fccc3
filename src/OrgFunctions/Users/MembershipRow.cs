using Azure;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;

namespace OrgFunctions.Users;

/// <summary>A membership as stored: the domain's <see cref="Membership"/> plus what a listing shows of its user.</summary>
public sealed record MembershipRecord(Membership Membership, OrgPath Path, string Email, string DisplayName, DateTimeOffset JoinedAt, ETag ETag);

/// <summary>Maps <see cref="MembershipEntity"/> to and from the domain.</summary>
public static class MembershipRow
{
    public static MembershipRecord Read(MembershipEntity row)
    {
        var path = OrgPath.Parse(row.Path);
        var status = row.Status == "suspended" ? MembershipStatus.Suspended : MembershipStatus.Active;
        var membership = Membership.Restore(row.UserId, path.OrgId, row.RoleId, status, row.TriesSinceSuccess, row.LockedAt);
        return new MembershipRecord(membership, path, row.Email, row.DisplayName, row.JoinedAt, row.ETag);
    }

    public static MembershipEntity Create(OrgPath path, Membership membership, string email, string displayName, DateTimeOffset joinedAt) => new()
    {
        PartitionKey = path.RootId.Value,
        RowKey = RowKeys.Member(path, membership.UserId),
        UserId = membership.UserId,
        OrgId = path.OrgId.Value,
        Path = path.Value,
        Email = email,
        DisplayName = displayName,
        RoleId = membership.RoleId,
        Status = StatusName(membership.Status),
        TriesSinceSuccess = membership.TriesSinceSuccess,
        LockedAt = membership.LockedAt,
        JoinedAt = joinedAt,
    };

    /// <summary>The record's membership as it now is, to replace the stored row under the record's ETag.</summary>
    public static MembershipEntity Updated(MembershipRecord record) =>
        Create(record.Path, record.Membership, record.Email, record.DisplayName, record.JoinedAt);

    public static string StatusName(MembershipStatus status) => status == MembershipStatus.Suspended ? "suspended" : "active";
}
