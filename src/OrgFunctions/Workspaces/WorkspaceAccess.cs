using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Workspaces;

/// <summary>
/// What removing a user from an org does to their workspaces: every access they have in that org (both rows of each)
/// goes. One range query of the user's <c>wsu:</c> rows finds them; nothing of another org or another user is touched.
/// </summary>
public sealed class WorkspaceAccess(OrgTables tables)
{
    /// <summary>
    /// The actions that delete all of <paramref name="userId"/>'s workspace access in <paramref name="org"/>, two per
    /// workspace (the <c>wsu:</c> row under its ETag, then its <c>wsm:</c> twin), for the membership-removal transaction.
    /// A workspace member change touches the membership row under its ETag, so a removal that deletes that row under its
    /// ETag and an add can't both win. Each pair stands alone (no event): a caller with more than a transaction's worth
    /// may submit them with <see cref="PartitionWrite.Each"/> after the membership's own transaction.
    /// </summary>
    public async Task<IReadOnlyList<TableTransactionAction>> RemovalActionsAsync(OrgPath org, string userId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var partition = org.RootId.Value;
        var actions = new List<TableTransactionAction>();
        var filter = RowKeys.PrefixFilter(partition, RowKeys.UserWorkspacePrefix(org.OrgId, userId));
        await foreach (var row in tables.Orgs.QueryAsync<WorkspaceAccessEntity>(filter, select: ["RowKey", "WorkspaceId"], cancellationToken: cancellationToken))
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, row.RowKey), row.ETag));
            actions.Add(new(TableTransactionActionType.Delete,
                new TableEntity(partition, RowKeys.WorkspaceMember(org.OrgId, row.WorkspaceId, userId)), ETag.All));
        }
        return actions;
    }
}
