using Azure;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Workspaces;
using OrgFunctions.Storage;

namespace OrgFunctions.Workspaces;

public sealed record WorkspaceRecord(OrgId OrgId, Workspace Workspace, ETag ETag);

/// <summary>A member's access to a workspace as stored; <see cref="ETag"/> is the <c>wsm:</c> row's.</summary>
public sealed record WorkspaceAccessRecord(string WorkspaceId, string UserId, AccessLevel Level, string Email, string DisplayName,
    DateTimeOffset AddedAt, ETag ETag);

/// <summary>Maps a workspace, its name reservation and its members' access rows.</summary>
public static class WorkspaceRow
{
    public static WorkspaceEntity Create(OrgPath org, Workspace workspace) => new()
    {
        PartitionKey = org.RootId.Value,
        RowKey = RowKeys.Workspace(org.OrgId, workspace.Id),
        WorkspaceId = workspace.Id,
        OrgId = org.OrgId.Value,
        Name = workspace.Name.Value,
        Description = workspace.Description,
        CreatedAt = workspace.CreatedAt,
    };

    public static WorkspaceRecord Read(WorkspaceEntity row) => new(
        OrgId.Parse(row.OrgId),
        Workspace.Restore(row.WorkspaceId, WorkspaceName.Restore(row.Name), row.Description, row.CreatedAt),
        row.ETag);

    /// <summary>The row that keeps the workspace's name unique in its org.</summary>
    public static WorkspaceNameEntity NameReservation(OrgPath org, Workspace workspace) => new()
    {
        PartitionKey = org.RootId.Value,
        RowKey = RowKeys.WorkspaceName(org.OrgId, workspace.Name),
        WorkspaceId = workspace.Id,
    };

    /// <summary>The access under the workspace (<c>wsm:</c>).</summary>
    public static WorkspaceAccessEntity Member(OrgPath org, string workspaceId, string userId, AccessLevel level, string email,
        string displayName, DateTimeOffset addedAt) => new()
    {
        PartitionKey = org.RootId.Value,
        RowKey = RowKeys.WorkspaceMember(org.OrgId, workspaceId, userId),
        Kind = WorkspaceAccessEntity.MemberKind,
        OrgId = org.OrgId.Value,
        WorkspaceId = workspaceId,
        UserId = userId,
        AccessLevel = level.ToApi(),
        Email = email,
        DisplayName = displayName,
        AddedAt = addedAt,
    };

    /// <summary>The same access under the user (<c>wsu:</c>).</summary>
    public static WorkspaceAccessEntity OfUser(WorkspaceAccessEntity member, OrgPath org)
    {
        return new WorkspaceAccessEntity
        {
            PartitionKey = member.PartitionKey,
            RowKey = RowKeys.UserWorkspace(org.OrgId, member.UserId, member.WorkspaceId),
            Kind = WorkspaceAccessEntity.UserKind,
            OrgId = member.OrgId,
            WorkspaceId = member.WorkspaceId,
            UserId = member.UserId,
            AccessLevel = member.AccessLevel,
            Email = member.Email,
            DisplayName = member.DisplayName,
            AddedAt = member.AddedAt,
        };
    }

    public static WorkspaceAccessRecord ReadAccess(WorkspaceAccessEntity row) => new(row.WorkspaceId, row.UserId,
        AccessLevels.Parse(row.AccessLevel), row.Email, row.DisplayName, row.AddedAt, row.ETag);
}
