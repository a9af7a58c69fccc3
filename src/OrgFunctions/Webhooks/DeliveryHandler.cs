using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Webhooks;

namespace OrgFunctions.Webhooks;

/// <summary>
/// Handles one delivery message: skip it if the delivery is finished, of an older round, or its subscription is gone
/// or disabled; otherwise POST, record the attempt, and settle: complete (2xx, 410, or a retry scheduled as a new
/// message first) or dead-letter (no attempt left). Idempotent on the delivery: a message seen twice (no duplicate
/// detection locally, or a crash before completion) sends again only if the delivery is not yet finished.
/// </summary>
public sealed class DeliveryHandler(DeliveryLog log, SubscriptionStore subscriptions, WebhookSender sender, DeliveryQueue queue,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<DeliveryHandler> logger)
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

        var delivery = await log.GetAsync(body.SubscriptionId, body.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Round != round || delivery.Status.IsFinal())
        {
            await actions.CompleteMessageAsync(message, cancellationToken);
            return;
        }
        var record = await subscriptions.GetAsync(body.TreeId, orgId, body.SubscriptionId, cancellationToken);
        if (record is null || !record.Subscription.Enabled)
        {
            await SetStatusAsync(delivery, DeliveryStatus.Cancelled, cancellationToken);
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
        var recorded = await log.UpdateAsync(delivery.SubscriptionId, delivery.DeliveryId, d =>
        {
            if (d.Round != round || d.Status.IsFinal())
            {
                return false;
            }
            d.Attempts.Add(result);
            d.Status = status;
            d.NextAttemptAt = retryAt;
            return true;
        }, cancellationToken);

        switch (decision)
        {
            case DeliveryDecision.Retry retry when recorded is not null:
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

        await UpdateHealthAsync(record, decision, now, cancellationToken);
    }

    /// <summary>A success ends a failure streak; a 410 or 5 days of failures disable the subscription.</summary>
    private async Task UpdateHealthAsync(SubscriptionRecord record, DeliveryDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 3 && record is not null && record.Subscription.Enabled; i++)
        {
            var s = record.Subscription;
            bool done;
            switch (decision)
            {
                case DeliveryDecision.Done when s.FailingSince is null:
                    return;
                case DeliveryDecision.Done:
                    s.FailingSince = null;
                    done = await subscriptions.TryReplaceAsync(s, record.ETag, cancellationToken) is not null;
                    break;
                case DeliveryDecision.EndpointGone:
                    done = await subscriptions.TryDisableAsync(record, "endpoint-gone-410", cancellationToken);
                    break;
                default:
                    if (s.FailingSince is null)
                    {
                        s.FailingSince = now;
                        done = await subscriptions.TryReplaceAsync(s, record.ETag, cancellationToken) is not null;
                    }
                    else if (FailureStreak.ShouldDisable(s.FailingSince, now, options.Value.DisableAfter))
                    {
                        done = await subscriptions.TryDisableAsync(record, "failing-5-days", cancellationToken);
                    }
                    else
                    {
                        return;
                    }
                    break;
            }
            if (done)
            {
                return;
            }
            record = (await subscriptions.GetAsync(s.OrgPath.RootId.Value, s.OrgPath.OrgId, s.Id, cancellationToken))!;
        }
    }

    private Task SetStatusAsync(DeliveryRecord delivery, DeliveryStatus status, CancellationToken cancellationToken) =>
        log.UpdateAsync(delivery.SubscriptionId, delivery.DeliveryId, d =>
        {
            if (d.Status.IsFinal())
            {
                return false;
            }
            d.Status = status;
            d.NextAttemptAt = null;
            return true;
        }, cancellationToken);
}
