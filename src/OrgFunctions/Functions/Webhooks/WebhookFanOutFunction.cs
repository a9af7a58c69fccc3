using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Functions.Webhooks;

/// <summary>Every few seconds (Webhooks:FanOutSchedule): outbox events → one delivery message per matching subscription.</summary>
public sealed class WebhookFanOutFunction(FanOutService fanOut, ILogger<WebhookFanOutFunction> logger)
{
    [Function(nameof(WebhookFanOut))]
    public async Task WebhookFanOut([TimerTrigger("%Webhooks:FanOutSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await fanOut.RunAsync(cancellationToken);
        if (result.Events > 0)
        {
            logger.LogInformation("Fan-out: {Events} events of {Trees} trees, {Deliveries} deliveries enqueued",
                result.Events, result.Trees, result.Deliveries);
        }
    }
}
