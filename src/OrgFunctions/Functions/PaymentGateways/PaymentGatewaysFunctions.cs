using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.PaymentGateways;

namespace OrgFunctions.Functions.PaymentGateways;

/// <summary>/api/orgs/{orgId}/payment-gateways: gateways registered with the payment vault (<c>billing.manage</c>).</summary>
public sealed class PaymentGatewaysFunctions(Api api, PaymentGatewayService gateways)
{
    [Function(nameof(ListPaymentGateways))]
    public Task<IActionResult> ListPaymentGateways(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/payment-gateways")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListInOrgAsync(request, orgId, Permission.BillingManage, PaymentGatewayService.Paging,
            (scope, page) => gateways.ListAsync(scope, page, cancellationToken), cancellationToken);

    [Function(nameof(AddPaymentGateway))]
    public Task<IActionResult> AddPaymentGateway(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/payment-gateways")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.BillingManage, PaymentGatewayRequest.Read, async (scope, body) =>
            (await gateways.AddAsync(scope, body, cancellationToken)).ToResult(view =>
                new ObjectResult(view) { StatusCode = StatusCodes.Status201Created }), cancellationToken);

    [Function(nameof(GetPaymentGateway))]
    public Task<IActionResult> GetPaymentGateway(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/payment-gateways/{id}")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.BillingManage, async scope =>
            (await gateways.GetAsync(scope, id, cancellationToken)).ToResult(view => new OkObjectResult(view)), cancellationToken);

    [Function(nameof(RemovePaymentGateway))]
    public Task<IActionResult> RemovePaymentGateway(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/payment-gateways/{id}")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.BillingManage, async scope =>
            (await gateways.RemoveAsync(scope, id, cancellationToken)).ToResult(_ => new NoContentResult()), cancellationToken);
}
