using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Integrations;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.OrgItems;
using OrgFunctions.Outbox;
using OrgFunctions.Storage;

namespace OrgFunctions.Integrations;

/// <summary>
/// An org's integrations. Reading and changing both need <c>settings.manage</c>: an integration is configuration that
/// names the org's accounts elsewhere (ADR 0022). Each change is its row and its event in one transaction of the tree's
/// partition; events carry the type, the description and the names of what changed, never settings' values or secrets.
/// </summary>
public sealed class IntegrationService(IntegrationStore store, OrgItemStore items, IntegrationSecretBox box, IntegrationUrls urls,
    OrgTables tables, EventFactory events, TimeProvider clock)
{
    public static readonly PageLimits Paging = new(DefaultSize: 100, MaxSize: 1000);

    private static OrgItemKind<IntegrationRecord> Kind => IntegrationStore.Kind;

    public async Task<Outcome<ListPage<IntegrationView>>> ListAsync(OrgScope scope, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await store.PageAsync(scope.Path, page, cancellationToken);
        return new ListPage<IntegrationView>(found.Items.Select(IntegrationView.From).ToList(), found.ContinuationToken);
    }

    public Task<Outcome<IntegrationRecord>> GetAsync(OrgScope scope, string integrationId, CancellationToken cancellationToken) =>
        OrgItemChanges.FindAsync(store.GetAsync(scope.Path, integrationId, cancellationToken), Kind.What);

    /// <summary>A new integration: the request was judged against its type already; its URL settings are checked here.</summary>
    public async Task<Outcome<IntegrationRecord>> AddAsync(OrgScope scope, IntegrationRequest request, CancellationToken cancellationToken)
    {
        var type = request.Type!;
        var settings = request.Settings!;
        if (await urls.ProblemsAsync(type, settings, settings.Select(s => s.Key), cancellationToken) is { } refused)
        {
            return refused;
        }
        var secrets = request.Secrets.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!, StringComparer.Ordinal);
        var integration = new Integration(Integration.NewId(), type, request.Description, settings,
            IntegrationSecretRules.SetAfter(request.Secrets, []));
        var path = scope.Path;
        var now = clock.GetUtcNow();
        return await items.SaveAsync(Kind, path, integration.Id,
        [
            new(TableTransactionActionType.Add, IntegrationRow.Create(path, integration, box.Seal(secrets), now, now)),
            OutboxRows.Add(path.RootId.Value, Event(EventTypes.IntegrationAdded, scope, integration)),
        ], null, new Failure.Conflict("An integration with this id exists; retry."), cancellationToken);
    }

    /// <summary>
    /// Applies a PATCH: the settings merged and judged whole against the stored type, the secrets changed by name (the
    /// others kept, opened only when some change), the URL settings named in the patch checked. An empty patch writes nothing.
    /// </summary>
    public async Task<Outcome<IntegrationRecord>> UpdateAsync(OrgScope scope, string integrationId, IntegrationRequest request, ETag? ifMatch,
        CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var found = await OrgItemChanges.FindForChangeAsync(store.GetAsync(path, integrationId, cancellationToken), Kind.What, Kind.ETagOf, ifMatch);
        if (found.Failure is { } failure || request.ChangesNothing)
        {
            return found;
        }
        var current = found.Value!;
        var before = current.Integration;
        var settings = request.Settings is { } patch ? Integration.MergeSettings(before.Settings, patch) : before.Settings;
        var problems = IntegrationRules.Problems(before.Type, settings, request.Secrets, before.SecretNames);
        if (problems.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var (field, reason) in problems)
            {
                errors.Add(field, reason);
            }
            return new Failure.Invalid(errors);
        }
        var changedSettings = request.Settings?.Select(s => s.Key).ToList() ?? [];
        if (await urls.ProblemsAsync(before.Type, settings, changedSettings, cancellationToken) is { } refused)
        {
            return refused;
        }
        var sealedSecrets = current.SealedSecrets;
        if (request.Secrets.Count > 0)
        {
            var secrets = box.Open(current.SealedSecrets).ToDictionary(StringComparer.Ordinal);
            foreach (var (name, value) in request.Secrets)
            {
                if (value is null)
                {
                    secrets.Remove(name);
                }
                else
                {
                    secrets[name] = value;
                }
            }
            sealedSecrets = box.Seal(secrets);
        }
        var after = before with
        {
            Description = request.HasDescription ? request.Description : before.Description,
            Settings = settings,
            SecretNames = IntegrationSecretRules.SetAfter(request.Secrets, before.SecretNames),
        };
        var changed = new JsonArray([
            .. request.HasDescription ? ["description"] : Array.Empty<string>(),
            .. changedSettings.Order(StringComparer.Ordinal).Select(n => "settings." + n),
            .. request.Secrets.Keys.Order(StringComparer.Ordinal).Select(n => "secrets." + n),
        ]);
        return await items.SaveAsync(Kind, path, integrationId,
        [
            new(TableTransactionActionType.UpdateReplace, IntegrationRow.Create(path, after, sealedSecrets, current.CreatedAt, clock.GetUtcNow()),
                current.ETag),
            OutboxRows.Add(path.RootId.Value, Event(EventTypes.IntegrationUpdated, scope, after, changed)),
        ], ifMatch, new Failure.Conflict("The integration was changed meanwhile; read it again and retry."), cancellationToken);
    }

    public async Task<Outcome<bool>> RemoveAsync(OrgScope scope, string integrationId, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var found = await OrgItemChanges.FindForChangeAsync(store.GetAsync(path, integrationId, cancellationToken), Kind.What, Kind.ETagOf, ifMatch);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var current = found.Value!;
        var partition = path.RootId.Value;
        var result = await new PartitionWrite(partition).Together(
        [
            new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.Integration(path.OrgId, integrationId)), current.ETag),
            OutboxRows.Add(partition, Event(EventTypes.IntegrationRemoved, scope, current.Integration)),
        ]).SubmitAsync(tables, cancellationToken);
        return OrgItemChanges.Refusal(result, ifMatch, Kind.What, new Failure.Conflict("The integration was changed meanwhile; retry."))
            is { } refusedWrite ? refusedWrite : true;
    }

    /// <summary>What subscribers learn: which integration, of which type, what changed, which secrets are set; no values.</summary>
    private DomainEvent Event(string type, OrgScope scope, Integration integration, JsonArray? changed = null)
    {
        var data = new JsonObject
        {
            ["integrationId"] = integration.Id,
            ["type"] = integration.Type.Name,
            ["description"] = integration.Description,
            ["secretsSet"] = new JsonArray([.. integration.SecretNames.Order(StringComparer.Ordinal).Select(n => (JsonNode)n)]),
        };
        if (changed is not null)
        {
            data["changed"] = changed;
        }
        return events.Create(type, scope.Path.OrgId.Value, EventFactory.ActorOf(scope.Caller), data);
    }
}
