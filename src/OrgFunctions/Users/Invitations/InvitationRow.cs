using Azure;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;

namespace OrgFunctions.Users.Invitations;

/// <summary>An invitation as stored: the domain's <see cref="Invitation"/>, its org's path, and what only storage keeps.</summary>
public sealed record InvitationRecord(Invitation Invitation, OrgPath Path, string InviterName, string TokenHash, string? AcceptedBy, ETag ETag);

/// <summary>Maps <see cref="InvitationEntity"/> and its token's index row to and from the domain.</summary>
public static class InvitationRow
{
    public const string IdPrefix = "inv_";

    public static string NewId() => IdPrefix + Guid.NewGuid().ToString("N");

    public static InvitationEntity Create(OrgPath path, Invitation invitation, string inviterName, string tokenHash, string? acceptedBy = null) => new()
    {
        PartitionKey = path.RootId.Value,
        RowKey = RowKeys.Invitation(path.OrgId, invitation.Id),
        Id = invitation.Id,
        OrgId = path.OrgId.Value,
        Path = path.Value,
        Email = invitation.Email.Value,
        RoleId = invitation.RoleId,
        InvitedBy = invitation.InvitedBy,
        InviterName = inviterName,
        SentAt = invitation.SentAt,
        ExpiresAt = invitation.ExpiresAt,
        Status = StatusName(invitation.Stored),
        TokenHash = tokenHash,
        AcceptedBy = acceptedBy,
    };

    /// <summary>The record's invitation as it now is, to replace the stored row under the record's ETag.</summary>
    public static InvitationEntity Updated(InvitationRecord record, string? tokenHash = null, string? acceptedBy = null)
    {
        var row = Create(record.Path, record.Invitation, record.InviterName, tokenHash ?? record.TokenHash, acceptedBy ?? record.AcceptedBy);
        row.ETag = record.ETag;
        return row;
    }

    public static InvitationRecord Read(InvitationEntity row)
    {
        var path = OrgPath.Parse(row.Path);
        var invitation = Invitation.Restore(row.Id, path.OrgId, EmailAddress.Create(row.Email), row.RoleId, row.InvitedBy, row.SentAt,
            row.ExpiresAt, StatusOf(row.Status));
        return new InvitationRecord(invitation, path, row.InviterName, row.TokenHash, row.AcceptedBy, row.ETag);
    }

    public static InvitationTokenEntity Index(OrgPath path, string invitationId, string tokenHash) => new()
    {
        PartitionKey = IndexKeys.InvitationToken(tokenHash),
        RowKey = IndexKeys.RowKey,
        RootId = path.RootId.Value,
        Path = path.Value,
        InvitationId = invitationId,
    };

    public static string StatusName(InvitationStatus status) => status.ToString().ToLowerInvariant();

    private static InvitationStatus StatusOf(string stored) => stored switch
    {
        "accepted" => InvitationStatus.Accepted,
        "revoked" => InvitationStatus.Revoked,
        _ => InvitationStatus.Pending,
    };
}
