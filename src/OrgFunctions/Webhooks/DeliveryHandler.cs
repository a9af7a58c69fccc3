using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

/// <summary>
/// Handles one delivery message: POST, record the attempt, settle — complete (2xx, 410, or a retry scheduled as a new
/// message first) or dead-letter (no attempt left). On the hot path — the first receipt of a first attempt — that is
/// one storage operation: the message carries the delivery row and its ETag, the subscription comes from
/// <see cref="SubscriptionCache"/>, and the attempt is recorded by rewriting the row, conditional on that ETag (ADR 0027).
/// Any other message (a retry, a redelivery round, a message Service Bus delivers again) reads the row first and is
/// dropped, as before, when its delivery is finished, of another round or already has this attempt. A write that finds
/// the row changed re-reads it and records only if the row still awaits this attempt, so a second receipt of a message
/// can send again (same <c>webhook-id</c>) but never rewrites the log.
/// </summary>
public sealed class DeliveryHandler(DeliveryLog log, SubscriptionCache subscriptions, SubscriptionStore store, WebhookSender sender,
    DeliveryQueue queue, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<DeliveryHandler> logger)
{
    public async Task HandleAsync(ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
    {
        var body = DeliveryMessage.TryRead(message);
        if (body is null || !OrgId.TryParse(body.SubscriptionOrgId, out var orgId))
        {
            await actions.DeadLetterMessageAsync(message, deadLetterReason: "MalformedMessage",
                deadLetterErrorDescription: "Not a webhook delivery message.", cancellationToken: cancellationToken);
            return;
        }
        var attempt = DeliveryMessage.IntProperty(message, DeliveryMessage.AttemptProperty);
        var round = DeliveryMessage.IntProperty(message, DeliveryMessage.RoundProperty);

        var delivery = await PrepareAsync(body, message.DeliveryCount, attempt, round, cancellationToken);
        if (delivery is null)
        {
            await actions.CompleteMessageAsync(message, cancellationToken);
            return;
        }
        var record = await subscriptions.GetAsync(body.TreeId, orgId, body.SubscriptionId, cancellationToken);
        if (record is null || !record.Subscription.Enabled)
        {
            await CancelAsync(delivery, round, cancellationToken);
            await actions.CompleteMessageAsync(message, cancellationToken);
            return;
        }

        var result = await sender.SendAsync(record.Subscription, delivery.DeliveryId, delivery.Payload, attempt, cancellationToken);
        var decision = DeliveryDecision.After(result, options.Value.Schedule, Random.Shared.NextDouble());
        var now = clock.GetUtcNow();
        var retryAt = decision is DeliveryDecision.Retry r ? now + r.Delay : (DateTimeOffset?)null;
        var status = decision switch
        {
            DeliveryDecision.Done => DeliveryStatus.Succeeded,
            DeliveryDecision.Retry => DeliveryStatus.Retrying,
            _ => DeliveryStatus.Failed,
        };
        // The attempt is recorded before the message is settled: a crash in between re-sends (at-least-once), never loses.
        var recorded = await RecordAsync(delivery, round, attempt, result, status, retryAt, cancellationToken);
        if (recorded is null)
        {
            // The row moved on without this message (a redelivery's new round, or another receipt recorded this attempt):
            // whoever moved it settles the delivery.
            logger.LogInformation("Webhook delivery {DeliveryId} attempt {Attempt} (round {Round}) was stale; not recorded",
                delivery.DeliveryId, attempt, round);
            await actions.CompleteMessageAsync(message, cancellationToken);
            return;
        }
        switch (decision)
        {
            case DeliveryDecision.Retry retry:
                await queue.ScheduleAsync(recorded, retry.NextAttempt, retryAt!.Value, cancellationToken);
                await actions.CompleteMessageAsync(message, cancellationToken);
                break;
            case DeliveryDecision.GiveUp giveUp:
                await actions.DeadLetterMessageAsync(message, deadLetterReason: giveUp.Reason,
                    deadLetterErrorDescription: giveUp.Description, cancellationToken: cancellationToken);
                break;
            default:
                await actions.CompleteMessageAsync(message, cancellationToken);
                break;
        }
        logger.LogInformation("Webhook delivery {DeliveryId} attempt {Attempt}: {Outcome} ({Status})", delivery.DeliveryId, attempt,
            result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? result.Error, status.ToName());

        await UpdateHealthAsync(record.Subscription, decision, now, cancellationToken);
    }

    /// <summary>The delivery as it stands before this attempt, or null when the message has nothing left to do.</summary>
    private async Task<DeliveryRecord?> PrepareAsync(DeliveryMessage body, int deliveryCount, int attempt, int round,
        CancellationToken cancellationToken)
    {
        // The hot path: nothing else can have written the row since the fan-out sent this message, unless a redelivery
        // raced it — and then the conditional write finds out.
        if (attempt == 1 && round == 1 && deliveryCount <= 1 && body.Row(round) is { } carried)
        {
            return carried;
        }
        var delivery = await log.GetAsync(body.SubscriptionId, body.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Round != round || delivery.Status.IsFinal())
        {
            return null;
        }
        if (delivery.RoundAttempts >= attempt)
        {
            // An earlier receipt recorded this attempt but did not settle (crash, lost lock): finish its settlement
            // without sending again. If it did schedule the retry, Service Bus drops this one (same message id).
            if (delivery.RoundAttempts == attempt && delivery.Status == DeliveryStatus.Retrying && delivery.NextAttemptAt is { } at)
            {
                await queue.ScheduleAsync(delivery, attempt + 1, at, cancellationToken);
            }
            return null;
        }
        return delivery;
    }

    /// <summary>
    /// The one write of an attempt: the row rewritten whole, if it is still the one this message was sent with. If not,
    /// the attempt is recorded on the current row only while that row still awaits it (same round, not finished, this
    /// attempt not yet recorded). The recorded row, or null when the attempt was not recorded.
    /// </summary>
    private async Task<DeliveryRecord?> RecordAsync(DeliveryRecord delivery, int round, int attempt, AttemptResult result,
        DeliveryStatus status, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        void Apply(DeliveryRecord d)
        {
            d.Attempts.Add(result);
            d.RoundAttempts = attempt;
            d.Status = status;
            d.NextAttemptAt = retryAt;
            d.Enqueued = true;
        }
        Apply(delivery);
        if (await log.TryUpdateAsync(delivery, cancellationToken))
        {
            return delivery;
        }
        return await log.UpdateAsync(delivery.SubscriptionId, delivery.DeliveryId, d =>
        {
            if (d.Round != round || d.Status.IsFinal() || d.RoundAttempts >= attempt)
            {
                return false;
            }
            Apply(d);
            return true;
        }, cancellationToken);
    }

    private Task CancelAsync(DeliveryRecord delivery, int round, CancellationToken cancellationToken) =>
        log.UpdateAsync(delivery.SubscriptionId, delivery.DeliveryId, d =>
        {
            if (d.Round != round || d.Status.IsFinal())
            {
                return false;
            }
            d.Status = DeliveryStatus.Cancelled;
            d.NextAttemptAt = null;
            return true;
        }, cancellationToken);

    /// <summary>
    /// A success ends a failure streak; a failure starts one; a 410 or 5 days of failures disable the subscription. Only
    /// a transition (judged on the cached subscription) touches storage: it is applied to a fresh read, and the cached
    /// copy is forgotten so the next delivery sees the result.
    /// </summary>
    private async Task UpdateHealthAsync(WebhookSubscription cached, DeliveryDecision decision, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var disableAfter = options.Value.DisableAfter;
        if (HealthChanges.After(decision, cached.FailingSince, now, disableAfter) == HealthChange.None)
        {
            return;
        }
        var (treeId, orgId, id) = (cached.OrgPath.RootId.Value, cached.OrgPath.OrgId, cached.Id);
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var record = await store.GetAsync(treeId, orgId, id, cancellationToken);
                if (record is null || !record.Subscription.Enabled)
                {
                    return;
                }
                var s = record.Subscription;
                var done = HealthChanges.After(decision, s.FailingSince, now, disableAfter) switch
                {
                    HealthChange.EndStreak => await store.TryReplaceAsync(WithFailingSince(s, null), record.ETag, cancellationToken) is not null,
                    HealthChange.StartStreak => await store.TryReplaceAsync(WithFailingSince(s, now), record.ETag, cancellationToken) is not null,
                    HealthChange.DisableGone => await store.TryDisableAsync(record, "endpoint-gone-410", cancellationToken),
                    HealthChange.DisableFailing => await store.TryDisableAsync(record, "failing-5-days", cancellationToken),
                    _ => true,
                };
                if (done)
                {
                    return;
                }
            }
        }
        finally
        {
            subscriptions.Forget(treeId, orgId, id);
        }
    }

    private static WebhookSubscription WithFailingSince(WebhookSubscription s, DateTimeOffset? at)
    {
        s.FailingSince = at;
        return s;
    }
}
