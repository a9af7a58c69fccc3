using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Signup;

/// <summary>A workspace of an org, as a row of its tree's partition (RowKey <c>ws:{orgId}:{workspaceId}</c>).</summary>
public sealed class WorkspaceEntity : TableRow
{
    public const string DefaultId = "default";

    public string Kind { get; set; } = "workspace";
    public string WorkspaceId { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The workspace every org starts with: sign-up makes a root's, provisioning a sub-org's.</summary>
    public static WorkspaceEntity Default(OrgPath org, DateTimeOffset createdAt) => new()
    {
        PartitionKey = org.RootId.Value,
        RowKey = RowKeys.Workspace(org.OrgId, DefaultId),
        WorkspaceId = DefaultId,
        OrgId = org.OrgId.Value,
        Name = SignupService.DefaultWorkspaceName,
        CreatedAt = createdAt,
    };
}
