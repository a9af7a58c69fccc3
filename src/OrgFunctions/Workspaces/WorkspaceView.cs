using OrgFunctions.Domain.Workspaces;

namespace OrgFunctions.Workspaces;

/// <summary>A workspace as the API shows it; <c>isDefault</c> marks the one made with the org.</summary>
public sealed record WorkspaceView(string Id, string Name, string? Description, bool IsDefault, DateTimeOffset CreatedAt)
{
    public static WorkspaceView From(WorkspaceRecord record) => new(record.Workspace.Id, record.Workspace.Name.Value,
        record.Workspace.Description, record.Workspace.Id == Workspace.DefaultId, record.Workspace.CreatedAt);
}

/// <summary>A member's access to a workspace as the API shows it.</summary>
public sealed record WorkspaceMemberView(string UserId, string Email, string DisplayName, string AccessLevel, DateTimeOffset AddedAt)
{
    public static WorkspaceMemberView From(WorkspaceAccessRecord record) =>
        new(record.UserId, record.Email, record.DisplayName, record.Level.ToApi(), record.AddedAt);
}
