using Azure;
using Azure.Data.Tables;

namespace OrgFunctions.Storage;

/// <summary>
/// Reads the name reservations that ADR 0013's change of key form leaves in two forms. A reservation written before it
/// is keyed by the name upper-cased as stored (the legacy form); one written since by the folded name. The two differ
/// only for names that weren't in NFC or held default-ignorable characters, so for every other name nothing is read.
/// </summary>
public sealed class NameReservations(OrgTables tables)
{
    /// <summary>The holder column of an org name reservation (its org's id).</summary>
    public const string OrgHolder = "OrgId";

    /// <summary>The holder column of a role name reservation (its role's id).</summary>
    public const string RoleHolder = "RoleId";

    /// <summary>The holder column of a template name reservation (its template's id).</summary>
    public const string TemplateHolder = "TemplateId";

    /// <summary>
    /// The actions that move <paramref name="holderId"/>'s reservation from its old name (<paramref name="oldKey"/>, or the
    /// <paramref name="oldLegacyKey"/> it may have been written under) to <paramref name="newReservation"/>: none when it
    /// already holds that key; null when the new name is taken under one of <paramref name="newLegacyKeys"/> by another
    /// holder. A kind without a legacy form passes its key as its legacy key and no legacy keys: nothing is then read.
    /// </summary>
    public async Task<IReadOnlyList<TableTransactionAction>?> MoveAsync(string oldKey, string oldLegacyKey, ITableEntity newReservation,
        IEnumerable<string> newLegacyKeys, string holderColumn, string holderId, CancellationToken cancellationToken)
    {
        var (partition, newKey) = (newReservation.PartitionKey, newReservation.RowKey);
        var held = await HeldAsync(partition, oldKey, oldLegacyKey, holderColumn, holderId, cancellationToken);
        if (held?.RowKey == newKey)
        {
            return [];
        }
        if (await LegacyTakenAsync(partition, newKey, newLegacyKeys, holderColumn, holderId, cancellationToken))
        {
            return null;
        }
        var actions = new List<TableTransactionAction>();
        if (held is var (heldKey, heldETag))
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, heldKey), heldETag));
        }
        actions.Add(new(TableTransactionActionType.Add, newReservation));
        return actions;
    }

    /// <summary>
    /// The reservation <paramref name="holderId"/> holds for its current name, with its ETag: under the folded
    /// <paramref name="key"/>, else under the <paramref name="legacyKey"/>; null when neither is its own. When the two keys
    /// are one, nothing is read and the key is returned with <see cref="ETag.All"/>, as before ADR 0013.
    /// </summary>
    public async Task<(string RowKey, ETag ETag)?> HeldAsync(string partition, string key, string legacyKey, string holderColumn,
        string holderId, CancellationToken cancellationToken)
    {
        if (key == legacyKey)
        {
            return (key, ETag.All);
        }
        foreach (var candidate in new[] { key, legacyKey })
        {
            var row = await tables.Orgs.GetEntityIfExistsAsync<TableEntity>(partition, candidate, [holderColumn], cancellationToken);
            if (row.HasValue && row.Value!.GetString(holderColumn) == holderId)
            {
                return (candidate, row.Value.ETag);
            }
        }
        return null;
    }

    /// <summary>
    /// True when a reservation written before ADR 0013 under one of <paramref name="legacyKeys"/> (the new name upper-cased,
    /// as typed in NFC or NFD) is held by someone other than <paramref name="holderId"/>: the name is taken though its
    /// folded <paramref name="key"/> is free. Keys equal to the folded key are not read (the Add finds those).
    /// </summary>
    public async Task<bool> LegacyTakenAsync(string partition, string key, IEnumerable<string> legacyKeys, string holderColumn,
        string holderId, CancellationToken cancellationToken)
    {
        foreach (var legacyKey in legacyKeys.Where(k => k != key))
        {
            var row = await tables.Orgs.GetEntityIfExistsAsync<TableEntity>(partition, legacyKey, [holderColumn], cancellationToken);
            if (row.HasValue && row.Value!.GetString(holderColumn) != holderId)
            {
                return true;
            }
        }
        return false;
    }
}
