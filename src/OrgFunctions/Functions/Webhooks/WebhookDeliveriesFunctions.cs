using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
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
        api.ListInOrgAsync(request, orgId, Permission.WebhooksManage, DeliveryLogService.Paging, (scope, page) =>
            deliveries.ListAsync(scope, id, request.Query["status"], page, cancellationToken), cancellationToken);

    [Function(nameof(RedeliverWebhook))]
    public Task<IActionResult> RedeliverWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/webhooks/{id}/deliveries/{deliveryId}/redeliver")]
        HttpRequest request, string orgId, string id, string deliveryId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.WebhooksManage, async scope =>
            (await deliveries.RedeliverAsync(scope, id, deliveryId, cancellationToken)).ToResult(delivery =>
                new ObjectResult(delivery) { StatusCode = StatusCodes.Status202Accepted }),
            cancellationToken);
}
