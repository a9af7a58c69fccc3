using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Outbox;
using OrgFunctions.Roles;
using OrgFunctions.Signup;
using OrgFunctions.Storage;

namespace OrgFunctions.ApiKeys;

/// <summary>
/// Issuing, listing and revoking an org's API keys. A caller can't issue a key with a permission its own role lacks,
/// so a key can never be used to mint a stronger one, nor revoke a key whose role holds one.
/// </summary>
public sealed class ApiKeyService(OrgStore store, RoleStore roles, OrgTables tables, EventFactory events, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(OrgScope scope, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var prefix = RowKeys.KeyPrefix(path.OrgId);
        var filter = RowKeys.PrefixFilter(path.RootId.Value, prefix);
        var keys = new List<ApiKeyView>();
        await foreach (var row in tables.Orgs.QueryAsync<ApiKeyEntity>(filter, cancellationToken: cancellationToken))
        {
            keys.Add(ApiKeyView.From(ApiKeyRow.Read(row)));
        }
        return keys;
    }

    public async Task<Outcome<NewApiKeyView>> IssueAsync(OrgScope scope, ApiKeyRequest request, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        var role = await roles.GetAsync(path, request.RoleId, cancellationToken);
        if (role is null)
        {
            return Failure.Field("roleId", "is not a role of this org");
        }
        var beyond = role.Role.Permissions.Where(p => !caller.Role.Grants(p)).ToList();
        if (beyond.Count > 0)
        {
            return new Failure.Forbidden(beyond[0]);
        }

        var (key, secret) = ApiKey.Issue(path.OrgId, request.Name, role.Role.Id, clock.GetUtcNow());
        await tables.Index.UpsertEntityAsync(ApiKeyRow.Index(path, key.Id), TableUpdateMode.Replace, cancellationToken);
        var partition = path.RootId.Value;
        var result = await store.SubmitAsync(
        [
            new(TableTransactionActionType.Add, ApiKeyRow.Create(path, key)),
            // Touching the role with its ETag makes the key and a concurrent delete of the role exclusive.
            new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, RowKeys.Role(path.OrgId, role.Role.Id)), role.ETag),
            OutboxRows.Add(partition, events.Create(EventTypes.ApiKeyCreated, path.OrgId.Value, EventFactory.ActorOf(caller),
                new JsonObject { ["keyId"] = key.Id, ["name"] = key.Name, ["roleId"] = key.RoleId })),
        ], cancellationToken);
        if (!result.Applied)
        {
            return new Failure.Conflict("The role changed meanwhile; retry.");
        }
        return new NewApiKeyView(key.Id, key.Name, key.RoleId, key.CreatedAt, secret.Token);
    }

    /// <summary>Revokes a key at once; revoking a revoked key changes nothing and succeeds.</summary>
    public async Task<Outcome<bool>> RevokeAsync(OrgScope scope, string keyId, CancellationToken cancellationToken)
    {
        var (caller, path) = (scope.Caller, scope.Path);
        if (!ItemIds.IsWellFormed(keyId))
        {
            return new Failure.NotFound("API key");
        }
        var row = await tables.Orgs.GetEntityIfExistsAsync<ApiKeyEntity>(path.RootId.Value, RowKeys.Key(path.OrgId, keyId),
            cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return new Failure.NotFound("API key");
        }
        var current = ApiKeyRow.Read(row.Value!);
        if (current.Key.IsRevoked)
        {
            return true;
        }
        // Revoking a stronger key would take away access above the caller's own, as deleting a stronger role would.
        var role = await roles.GetAsync(path, current.Key.RoleId, cancellationToken);
        if (role?.Role.Permissions.FirstOrDefault(p => !caller.Role.Grants(p)) is { } held)
        {
            return new Failure.Forbidden(held);
        }
        current.Key.Revoke(clock.GetUtcNow());
        var result = await store.SubmitAsync(
        [
            new(TableTransactionActionType.UpdateReplace, ApiKeyRow.Create(path, current.Key), current.ETag),
            OutboxRows.Add(path.RootId.Value, events.Create(EventTypes.ApiKeyRevoked, path.OrgId.Value, EventFactory.ActorOf(caller),
                new JsonObject { ["keyId"] = keyId })),
        ], cancellationToken);
        return result.Applied ? true : new Failure.Conflict("The key changed meanwhile; retry.");
    }
}
