using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Workspaces;
using OrgFunctions.Storage;

namespace OrgFunctions.Workspaces;

/// <summary>A workspace of an org, as a row of its tree's partition (RowKey <c>ws:{orgId}:{workspaceId}</c>); <see cref="WorkspaceRow"/> maps it.</summary>
public sealed class WorkspaceEntity : TableRow
{
    public const string DefaultId = Workspace.DefaultId;

    public string Kind { get; set; } = "workspace";
    public string WorkspaceId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The workspace every org starts with: sign-up makes a root's, provisioning a sub-org's.</summary>
    public static WorkspaceEntity Default(OrgPath org, DateTimeOffset createdAt) => WorkspaceRow.Create(org, Workspace.Default(createdAt));
}

/// <summary>Keeps a workspace's name unique in its org (RowKey <c>wsname:{orgId}:…</c>), written with the workspace.</summary>
public sealed class WorkspaceNameEntity : TableRow
{
    public string Kind { get; set; } = "workspacename";
    public string WorkspaceId { get; set; } = "";
}

/// <summary>
/// One member's access to one workspace. Stored twice in one transaction: under the workspace
/// (<c>wsm:{orgId}:{workspaceId}:{userId}</c>, Kind <c>workspacemember</c>: a workspace's members are one range) and under
/// the user (<c>wsu:{orgId}:{userId}:{workspaceId}</c>, Kind <c>userworkspace</c>: a user's workspaces are one range).
/// </summary>
public sealed class WorkspaceAccessEntity : TableRow
{
    public const string MemberKind = "workspacemember";
    public const string UserKind = "userworkspace";

    public string Kind { get; set; } = MemberKind;
    public string OrgId { get; set; } = "";
    public string WorkspaceId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string AccessLevel { get; set; } = "";

    /// <summary>Copies of the membership's, so a listing reads only its own range.</summary>
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
}
