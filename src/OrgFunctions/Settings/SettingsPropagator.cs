using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Settings;

/// <summary>
/// Brings a subtree's inherited settings in line with an org whose settings changed. Each descendant follows its own
/// parent's new values, top-down (the subtree listing is depth-first), in transactions of org rows and their events.
/// Following is idempotent, so a run interrupted half-way is finished by running it again: the change's transaction
/// leaves a <c>prop:</c> marker row that is removed only when the subtree is done, and <see cref="ResumeAsync"/> picks up
/// markers left behind. So that resuming reads one partition instead of scanning every tree, each marker also has a
/// locating row in <see cref="TableNames.OrgIndex"/> (partition <see cref="PendingPartition"/>), written before the change's
/// transaction; a locating row whose marker doesn't exist (the change failed, or is done) is simply dropped.
/// </summary>
public sealed class SettingsPropagator(OrgStore store, OrgTables tables, EventFactory events, TimeProvider clock)
{
    private const string MarkerPrefix = "prop:";
    private const int OrgsPerBatch = 45;
    private const string PendingPartition = "pending-propagation";

    public static TableTransactionAction Pending(OrgPath path) =>
        new(TableTransactionActionType.UpsertReplace, new PropagationMarkerEntity { PartitionKey = path.RootId.Value, RowKey = MarkerPrefix + path.Value });

    /// <summary>Records where a propagation may be pending; call before the transaction that writes <see cref="Pending"/>.</summary>
    public Task LocateAsync(OrgPath path, CancellationToken cancellationToken) =>
        tables.Index.UpsertEntityAsync(new TableEntity(PendingPartition, path.Value), TableUpdateMode.Replace, cancellationToken);

    public async Task PropagateAsync(OrgPath changed, string actor, CancellationToken cancellationToken)
    {
        var top = await store.GetAsync(new OrgLocation(changed.OrgId, changed), cancellationToken);
        if (top is not null)
        {
            var current = new Dictionary<OrgId, OrgSettings> { [changed.OrgId] = top.Settings };
            var pending = new List<(OrgRecord Record, OrgSettings Settings, IReadOnlyList<string> Names)>();
            await foreach (var descendant in store.AllDescendantsAsync(changed, cancellationToken))
            {
                var parentId = descendant.Org.ParentId!.Value;
                var parentSettings = current.GetValueOrDefault(parentId) ?? descendant.Settings;
                var (followed, names) = descendant.Settings.FollowParent(parentSettings, parentId);
                current[descendant.Org.Id] = followed;
                if (names.Count > 0)
                {
                    pending.Add((descendant, followed, names));
                }
            }
            foreach (var batch in pending.Chunk(OrgsPerBatch))
            {
                await WriteAsync(batch, actor, cancellationToken);
            }
        }
        await tables.Orgs.DeleteEntityAsync(changed.RootId.Value, MarkerPrefix + changed.Value, ETag.All, cancellationToken);
        await tables.Index.DeleteEntityAsync(PendingPartition, changed.Value, ETag.All, cancellationToken);
    }

    /// <summary>Finishes every propagation an earlier process left unfinished (for a timer, or at start-up).</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var resumed = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition}");
        await foreach (var pending in tables.Index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var path = OrgPath.Parse(pending.RowKey);
            var marker = await tables.Orgs.GetEntityIfExistsAsync<TableEntity>(path.RootId.Value, MarkerPrefix + path.Value,
                cancellationToken: cancellationToken);
            if (marker.HasValue)
            {
                await PropagateAsync(path, "system:propagation", cancellationToken);
                resumed++;
            }
            else
            {
                await tables.Index.DeleteEntityAsync(PendingPartition, pending.RowKey, ETag.All, cancellationToken);
            }
        }
        return resumed;
    }

    private async Task WriteAsync(IEnumerable<(OrgRecord Record, OrgSettings Settings, IReadOnlyList<string> Names)> batch, string actor,
        CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var (record, settings, names) in batch)
        {
            var partition = record.Org.Path.RootId.Value;
            actions.Add(new(TableTransactionActionType.UpdateReplace, OrgRow.Create(record.Org, settings, clock.GetUtcNow()), record.ETag));
            actions.Add(OutboxRows.Add(partition, events.Create(EventTypes.SettingsChanged, record.Org.Id.Value, actor,
                SettingsService.ChangesOf(record.Settings, settings, names))));
        }
        var result = await store.SubmitAsync(actions, cancellationToken);
        if (!result.Applied)
        {
            // A descendant changed meanwhile; its marker stays, and the next resume recomputes from fresh rows.
            throw new RequestFailedException(409, "A descendant changed during settings propagation; it will be resumed.");
        }
    }
}

/// <summary>The marker of a settings change whose subtree may not have followed yet (RowKey <c>prop:{path}</c>).</summary>
public sealed class PropagationMarkerEntity : TableRow
{
    public string Kind { get; set; } = "propagation";
}
