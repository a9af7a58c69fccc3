using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrgFunctions.Access;
using OrgFunctions.Application;
using OrgFunctions.Domain.Access;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Outbox;

namespace OrgFunctions.Webhooks;

/// <summary>
/// An org's webhook subscriptions: create (the secret is in that answer only), read, change, delete, rotate the
/// secret, send a test. Every operation needs <c>webhooks.manage</c> on a visible org.
/// </summary>
public sealed class SubscriptionService(SubscriptionStore store, SubscriptionCache cache, EndpointGuard guard, DeliveryLog log,
    DeliveryQueue queue, EventFactory events, TimeProvider clock)
{
    public const int MaxSubscriptionsPerOrg = 100;

    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(OrgScope scope, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(scope.TreePartition, scope.Path.OrgId, cancellationToken);
        return list.Select(SubscriptionView.From).ToList();
    }

    public async Task<Outcome<SubscriptionWithSecretView>> CreateAsync(OrgScope scope, SubscriptionRequest request,
        CancellationToken cancellationToken)
    {
        var (url, problem) = await CheckUrlAsync(request.Url!, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var path = scope.Path;
        if ((await store.ListAsync(path.RootId.Value, path.OrgId, cancellationToken)).Count >= MaxSubscriptionsPerOrg)
        {
            return new Failure.Conflict($"An org can have at most {MaxSubscriptionsPerOrg} webhook subscriptions.");
        }
        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = WebhookSubscription.NewId(),
            OrgPath = path,
            Url = url!,
            Selection = new EventSelection(request.Events!, request.IncludeDescendants ?? true),
            Description = request.Description,
            Secret = WebhookSecret.Generate(),
            CreatedAt = now,
        };
        if (request.Enabled == false)
        {
            subscription.Disable("disabled-by-user");
        }
        await store.AddAsync(subscription, cancellationToken);
        var record = new SubscriptionRecord(subscription, default, now);
        return new SubscriptionWithSecretView(SubscriptionView.From(record), subscription.Secret.Text);
    }

    public async Task<Outcome<SubscriptionRecord>> GetAsync(OrgScope scope, string id, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(scope.TreePartition, scope.Path.OrgId, id, cancellationToken);
        return record is null ? new Failure.NotFound("webhook subscription") : record;
    }

    public Task<Outcome<SubscriptionRecord>> PatchAsync(OrgScope scope, string id, SubscriptionRequest patch,
        Azure.ETag? ifMatch, CancellationToken cancellationToken)
    {
        EndpointUrl? url = null;
        return ChangeAsync<SubscriptionRecord>(scope, id, ifMatch, async (record, etag) =>
        {
            var s = record.Subscription;
            if (patch.Url is not null && url is null)
            {
                var (checkedUrl, problem) = await CheckUrlAsync(patch.Url, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }
                url = checkedUrl!;
            }
            if (url is not null)
            {
                s.Url = url;
            }
            s.Selection = new EventSelection(patch.Events ?? s.Selection.Types, patch.IncludeDescendants ?? s.Selection.IncludeDescendants);
            if (patch.Description is not null)
            {
                s.Description = patch.Description;
            }
            if (patch.Enabled == true && !s.Enabled)
            {
                s.Enable();
            }
            else if (patch.Enabled == false && s.Enabled)
            {
                s.Disable("disabled-by-user");
            }
            return await store.TryReplaceAsync(s, etag, cancellationToken) is { } e
                ? record with { ETag = e, UpdatedAt = clock.GetUtcNow() }
                : Attempt<SubscriptionRecord>.Lost;
        }, cancellationToken);
    }

    public Task<Outcome<bool>> DeleteAsync(OrgScope scope, string id, Azure.ETag? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync<bool>(scope, id, ifMatch, async (record, etag) =>
            await store.TryDeleteAsync(record.Subscription, etag, cancellationToken) ? true : Attempt<bool>.Lost, cancellationToken);

    public Task<Outcome<SubscriptionWithSecretView>> RotateSecretAsync(OrgScope scope, string id,
        CancellationToken cancellationToken) =>
        ChangeAsync<SubscriptionWithSecretView>(scope, id, null, async (record, etag) =>
        {
            var secret = record.Subscription.RotateSecret(clock.GetUtcNow());
            return await store.TryReplaceAsync(record.Subscription, etag, cancellationToken) is { } e
                ? new SubscriptionWithSecretView(SubscriptionView.From(record with { ETag = e, UpdatedAt = clock.GetUtcNow() }), secret.Text)
                : Attempt<SubscriptionWithSecretView>.Lost;
        }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the subscription as read now, on <paramref name="ifMatch"/> or else the ETag
    /// just read; the change answers <see cref="Attempt{T}.Lost"/> when the row changed meanwhile. With If-Match that is a 412. Without it, the
    /// change is made again on a fresh read (the race is most often the delivery handler recording a failure streak on
    /// the same row, and the caller asked for no precondition), up to <see cref="UngatedAttempts"/> times.
    /// </summary>
    private async Task<Outcome<T>> ChangeAsync<T>(OrgScope scope, string id, Azure.ETag? ifMatch,
        Func<SubscriptionRecord, Azure.ETag, Task<Attempt<T>>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= UngatedAttempts; attempt++)
        {
            var found = await GetAsync(scope, id, cancellationToken);
            if (found.Failure is { } failure)
            {
                return failure;
            }
            var tried = await change(found.Value!, ifMatch ?? found.Value!.ETag);
            if (!tried.LostRace)
            {
                // This process's deliveries see the change at once; other instances' within Webhooks:SubscriptionCacheTtl.
                cache.Forget(scope.TreePartition, scope.Path.OrgId, id);
                return tried.Outcome;
            }
            if (ifMatch is not null)
            {
                return new Failure.PreconditionFailed();
            }
        }
        return new Failure.Conflict("The subscription kept changing meanwhile; retry.");
    }

    private const int UngatedAttempts = 3;

    /// <summary>Sends a <c>webhook.test</c> event to this subscription only (even a disabled one is refused: 409).</summary>
    public async Task<Outcome<DeliveryView>> SendTestAsync(OrgScope scope, string id, CancellationToken cancellationToken)
    {
        var found = await GetAsync(scope, id, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }
        var s = found.Value!.Subscription;
        if (!s.Enabled)
        {
            return new Failure.Conflict("The subscription is disabled; enable it first.");
        }
        var e = events.Create(WebhookEventCatalog.WebhookTest, s.OrgPath.OrgId.Value, EventFactory.ActorOf(scope.Caller),
            new JsonObject { ["subscriptionId"] = s.Id });
        // A new event each time, so no re-run can send it twice: no enqueued mark is needed.
        var delivery = await log.AddOrGetAsync(Deliveries.For(e, s, clock.GetUtcNow()), cancellationToken);
        await queue.EnqueueAsync(delivery, 1, cancellationToken);
        return DeliveryView.From(delivery);
    }

    private async Task<(EndpointUrl? Url, Failure? Problem)> CheckUrlAsync(string text, CancellationToken cancellationToken)
    {
        var (url, problem) = await guard.CheckAsync(text, cancellationToken);
        return problem is null ? (url, null) : (null, Failure.Field("url", problem));
    }
}
