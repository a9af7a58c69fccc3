using Azure.Data.Tables;
using OrgFunctions.Domain;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.OrgItems;
using OrgFunctions.Storage;

namespace OrgFunctions.Workspaces;

/// <summary>Reads an org's workspaces (<see cref="OrgItemStore"/>), their members (one range each) and a member's access (one point read).</summary>
public sealed class WorkspaceStore(OrgItemStore items, OrgTables tables)
{
    public static readonly OrgItemKind<WorkspaceRecord> Kind = OrgItemKind.Of<WorkspaceEntity, WorkspaceRecord>("workspace",
        RowKeys.WorkspacePrefix, RowKeys.Workspace, WorkspaceRow.Read, w => w.ETag);

    public Task<IReadOnlyList<WorkspaceRecord>> ListAsync(OrgPath org, CancellationToken cancellationToken) =>
        items.ListAsync(Kind, org, cancellationToken);

    public Task<WorkspaceRecord?> GetAsync(OrgPath org, string workspaceId, CancellationToken cancellationToken) =>
        items.GetAsync(Kind, org, workspaceId, cancellationToken);

    /// <summary>Every member of the workspace, by user id: one range query.</summary>
    public async Task<IReadOnlyList<WorkspaceAccessRecord>> MembersAsync(OrgPath org, string workspaceId, CancellationToken cancellationToken)
    {
        var members = new List<WorkspaceAccessRecord>();
        var filter = RowKeys.PrefixFilter(org.RootId.Value, RowKeys.WorkspaceMemberPrefix(org.OrgId, workspaceId));
        await foreach (var row in tables.Orgs.QueryAsync<WorkspaceAccessEntity>(filter, cancellationToken: cancellationToken))
        {
            members.Add(WorkspaceRow.ReadAccess(row));
        }
        return members;
    }

    /// <summary>The user's access to the workspace, or null (a malformed user id is never read).</summary>
    public async Task<WorkspaceAccessRecord?> MemberAsync(OrgPath org, string workspaceId, string userId, CancellationToken cancellationToken)
    {
        if (!ItemIds.IsWellFormed(userId))
        {
            return null;
        }
        var row = await tables.Orgs.GetEntityIfExistsAsync<WorkspaceAccessEntity>(org.RootId.Value,
            RowKeys.WorkspaceMember(org.OrgId, workspaceId, userId), cancellationToken: cancellationToken);
        return row.HasValue ? WorkspaceRow.ReadAccess(row.Value!) : null;
    }

    /// <summary>The holder of a workspace name reservation, with its ETag; null when the name isn't reserved.</summary>
    public async Task<(string WorkspaceId, Azure.ETag ETag)?> ReservationAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var row = await tables.Orgs.GetEntityIfExistsAsync<WorkspaceNameEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.WorkspaceId, row.Value.ETag) : null;
    }
}
