using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Settings;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;

namespace OrgFunctions.Settings;

/// <summary>
/// Reading, overriding and resetting an org's settings. A change is stored with its <c>settings.changed</c> event in
/// one transaction; then every descendant that inherits a changed value follows it (<see cref="SettingsPropagator"/>).
/// </summary>
public sealed class SettingsService(OrgStore store, SettingsPropagator propagator, EventFactory events, TimeProvider clock,
    ILogger<SettingsService> logger)
{
    public async Task<Outcome<OrgSettings>> OverrideAsync(OrgScope scope, IReadOnlyDictionary<string, object?> values,
        CancellationToken cancellationToken) =>
        await ChangeAsync(scope, cancellationToken, (record, _) => Task.FromResult<Outcome<(OrgSettings, IReadOnlyList<string>)>>(
            record.Settings.Override(values)));

    public async Task<Outcome<OrgSettings>> ResetAsync(OrgScope scope, IReadOnlyList<string> names,
        CancellationToken cancellationToken) =>
        await ChangeAsync(scope, cancellationToken, async (record, ct) =>
        {
            if (record.Org.ParentId is null)
            {
                return Failure.Field("names", "a root org has no parent to inherit from");
            }
            var unknown = names.Where(n => !SettingCatalog.TryGet(n, out _)).ToList();
            if (unknown.Count > 0 || names.Count == 0)
            {
                return Failure.Field("names", names.Count == 0 ? "must name at least one setting" : "unknown: " + string.Join(", ", unknown));
            }
            var parentPath = OrgPath.Parse(record.Org.Path.Value[..record.Org.Path.Value.LastIndexOf(OrgPath.Separator)]);
            var parent = await store.GetAsync(new OrgLocation(parentPath.OrgId, parentPath), ct);
            if (parent is null)
            {
                return new Failure.Conflict("The parent org is gone.");
            }
            return record.Settings.Reset(names, parent.Settings, parentPath.OrgId);
        });

    private async Task<Outcome<OrgSettings>> ChangeAsync(OrgScope scope, CancellationToken cancellationToken,
        Func<OrgRecord, CancellationToken, Task<Outcome<(OrgSettings Settings, IReadOnlyList<string> Changed)>>> change)
    {
        var (caller, record) = (scope.Caller, scope.Org);
        var changed = await change(record, cancellationToken);
        if (changed.Failure is { } invalid)
        {
            return invalid;
        }
        var (settings, names) = changed.Value;
        if (names.Count == 0)
        {
            return record.Settings;
        }

        var org = record.Org;
        var partition = org.Path.RootId.Value;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, OrgRow.Create(org, settings, clock.GetUtcNow()), record.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.SettingsChanged, org.Id.Value, EventFactory.ActorOf(caller),
                ChangesOf(record.Settings, settings, names))),
            SettingsPropagator.Pending(org.Path),
        };
        await propagator.LocateAsync(org.Path, cancellationToken);
        var result = await store.SubmitAsync(actions, cancellationToken);
        if (!result.Applied)
        {
            return new Failure.Conflict("The org was changed by another request meanwhile; read it again and retry.");
        }
        try
        {
            await propagator.PropagateAsync(org.Path, EventFactory.ActorOf(caller), cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException)
        {
            // The change itself is stored; its marker stays and the resume timer brings the descendants along.
            logger.LogWarning(ex, "Settings of {OrgId} changed; propagation to its descendants will be resumed.", org.Id);
        }
        return settings;
    }

    public static JsonObject ChangesOf(OrgSettings before, OrgSettings after, IEnumerable<string> names)
    {
        var changes = new JsonObject();
        foreach (var name in names)
        {
            changes[name] = new JsonObject
            {
                ["from"] = SettingsJson.ValueNode(before[name].Value),
                ["to"] = SettingsJson.ValueNode(after[name].Value),
                ["source"] = after[name].Source == SettingSource.Inherited ? "inherited" : "overridden",
            };
        }
        return new JsonObject { ["changes"] = changes };
    }
}
