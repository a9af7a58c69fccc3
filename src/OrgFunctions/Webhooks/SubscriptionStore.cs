using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Outbox;
using OrgFunctions.Secrets;

namespace OrgFunctions.Webhooks;

/// <summary>Subscription rows of a tree's partition: point reads, an org's range, the whole tree's range.</summary>
public sealed class SubscriptionStore(WebhookTables tables, EventFactory events, SecretCodec secrets, TimeProvider clock)
{
    public async Task<SubscriptionRecord?> GetAsync(string treeId, OrgId orgId, string subscriptionId, CancellationToken cancellationToken)
    {
        if (!WebhookSubscription.IsWellFormedId(subscriptionId))
        {
            return null;
        }
        await tables.EnsureCreatedAsync();
        var row = await tables.Orgs.GetEntityIfExistsAsync<SubscriptionEntity>(treeId, WebhookTables.SubscriptionKey(orgId, subscriptionId),
            cancellationToken: cancellationToken);
        return row.HasValue ? SubscriptionRow.Read(row.Value!, secrets) : null;
    }

    /// <summary>The subscriptions of one org (<paramref name="orgId"/>) or, when null, of the whole tree.</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(string treeId, OrgId? orgId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var prefix = orgId is { } id ? WebhookTables.SubscriptionPrefix(id) : WebhookTables.AllSubscriptionsPrefix;
        var filter = Storage.RowKeys.PrefixFilter(treeId, prefix);
        var list = new List<SubscriptionRecord>();
        await foreach (var row in tables.Orgs.QueryAsync<SubscriptionEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(SubscriptionRow.Read(row, secrets));
        }
        return list;
    }

    public async Task AddAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await tables.Orgs.AddEntityAsync(SubscriptionRow.Create(subscription, clock.GetUtcNow(), secrets), cancellationToken);
    }

    /// <summary>Replaces the row if its ETag still matches; the new ETag, or null when it changed meanwhile.</summary>
    public async Task<ETag?> TryReplaceAsync(WebhookSubscription subscription, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Orgs.UpdateEntityAsync(SubscriptionRow.Create(subscription, clock.GetUtcNow(), secrets), etag,
                TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<bool> TryDeleteAsync(WebhookSubscription subscription, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Orgs.DeleteEntityAsync(subscription.OrgPath.RootId.Value,
                WebhookTables.SubscriptionKey(subscription.OrgPath.OrgId, subscription.Id), etag, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Disables the subscription and, in the same transaction, emits <c>webhook.disabled</c> to the org's other
    /// subscriptions through the outbox. False when the row changed meanwhile (the caller re-reads).
    /// </summary>
    public async Task<bool> TryDisableAsync(SubscriptionRecord record, string reason, CancellationToken cancellationToken)
    {
        var s = record.Subscription;
        s.Disable(reason);
        var tree = s.OrgPath.RootId.Value;
        var e = events.Create(WebhookEventCatalog.WebhookDisabled, s.OrgPath.OrgId.Value, "system:webhooks",
            new JsonObject { ["subscriptionId"] = s.Id, ["reason"] = reason });
        await PendingTrees.MarkAsync(tables.Index, tree, cancellationToken);
        try
        {
            await tables.Orgs.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpdateReplace, SubscriptionRow.Create(s, clock.GetUtcNow(), secrets), record.ETag),
                OutboxRows.Add(tree, e),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }
}
