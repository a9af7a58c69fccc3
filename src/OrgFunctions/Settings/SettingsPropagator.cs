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
/// markers left behind.
/// </summary>
public sealed class SettingsPropagator(OrgStore store, OrgTables tables, EventFactory events, TimeProvider clock)
{
    private const string MarkerPrefix = "prop:";
    private const int OrgsPerBatch = 45;

    public static TableTransactionAction Pending(OrgPath path) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(path.RootId.Value, MarkerPrefix + path.Value) { ["Kind"] = "propagation" });

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
    }

    /// <summary>Finishes every propagation an earlier process left unfinished (for a timer, or at start-up).</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {MarkerPrefix} and RowKey lt {RowKeys.PrefixEnd(MarkerPrefix)}");
        var resumed = 0;
        await foreach (var marker in tables.Orgs.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            await PropagateAsync(OrgPath.Parse(marker.RowKey[MarkerPrefix.Length..]), "system:propagation", cancellationToken);
            resumed++;
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
