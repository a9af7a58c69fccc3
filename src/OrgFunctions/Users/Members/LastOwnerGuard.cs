using Azure.Data.Tables;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;

namespace OrgFunctions.Users.Members;

/// <summary>
/// A root org keeps at least one active owner (ADR 0021). A change that would take the owner role or the active status
/// from one owner of a root org finds another active owner (one range query of the org's members) and touches that
/// member's row with its ETag in the same transaction. Two changes that each take away one of the last two owners each
/// touch the other's row, so whichever commits second finds an ETag changed and is refused: they can't both win, and a
/// change that starts after one has won no longer finds another owner.
/// </summary>
public sealed class LastOwnerGuard(OrgTables tables)
{
    /// <summary>Whether <paramref name="current"/> counts as one of the org's keepers: an active owner of a root org.</summary>
    public static bool Keeps(MembershipRecord current) =>
        current.Path.IsRoot && current.Membership.RoleId == SystemRoles.OwnerId && current.Membership.Status == MembershipStatus.Active;

    /// <summary>
    /// The action that touches another active owner of the org, or null when <paramref name="current"/> is the last one.
    /// </summary>
    public async Task<TableTransactionAction?> TouchAnotherOwnerAsync(MembershipRecord current, CancellationToken cancellationToken)
    {
        var partition = current.Path.RootId.Value;
        var filter = RowKeys.PrefixFilter(partition, RowKeys.MemberPrefix(current.Path)) + " and "
            + TableClient.CreateQueryFilter($"RoleId eq {SystemRoles.OwnerId} and Status eq {MembershipRow.StatusName(MembershipStatus.Active)}");
        await foreach (var row in tables.Orgs.QueryAsync<TableEntity>(filter, maxPerPage: 2, select: ["RowKey", "UserId"], cancellationToken: cancellationToken))
        {
            if (row.GetString("UserId") != current.Membership.UserId)
            {
                return new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(partition, row.RowKey), row.ETag);
            }
        }
        return null;
    }
}
