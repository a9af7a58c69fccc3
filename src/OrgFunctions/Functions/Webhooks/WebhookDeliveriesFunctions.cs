using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Http;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Functions.Webhooks;

/// <summary>/api/orgs/{orgId}/webhooks/{id}/deliveries: the delivery log, newest first, and manual redelivery.</summary>
public sealed class WebhookDeliveriesFunctions(Api api, DeliveryLogService deliveries)
{
    [Function(nameof(ListWebhookDeliveries))]
    public Task<IActionResult> ListWebhookDeliveries(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/webhooks/{id}/deliveries")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.ListAsync(request, DeliveryLogService.Paging, (caller, page) =>
            deliveries.ListAsync(caller, orgId, id, request.Query["status"], page, cancellationToken), cancellationToken);

    [Function(nameof(RedeliverWebhook))]
    public Task<IActionResult> RedeliverWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/webhooks/{id}/deliveries/{deliveryId}/redeliver")]
        HttpRequest request, string orgId, string id, string deliveryId, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            (await deliveries.RedeliverAsync(caller, orgId, id, deliveryId, cancellationToken)).ToResult(delivery =>
                new ObjectResult(delivery) { StatusCode = StatusCodes.Status202Accepted }),
            cancellationToken);
}
