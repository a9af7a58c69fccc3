using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using OrgFunctions.Http;
using OrgFunctions.Provisioning;

namespace OrgFunctions.Functions.Provisioning;

/// <summary>
/// <c>POST /api/orgs/{orgId}/children</c> (the parent org; the route parameter is named as on <c>GET</c> of the same path,
/// which OpenAPI requires) starts provisioning a sub-org (202, Durable's status links and the new org's
/// id); <c>GET /api/provisioning/{instanceId}</c> tells how it is going.
/// </summary>
public sealed class ProvisioningFunctions(Api api, ProvisioningStarter starter, ProvisioningStatusReader statuses)
{
    [Function(nameof(CreateChildOrg))]
    public Task<IActionResult> CreateChildOrg(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/children")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context, string orgId, CancellationToken cancellationToken) =>
        api.RunAsync(request, ProvisioningRequest.Read, async (caller, body) =>
        {
            var key = request.Headers[IdempotencyKeys.Header].ToString();
            if (key.Length > 0 && !IdempotencyKeys.IsValid(key))
            {
                return Problems.Validation(IdempotencyKeys.Header,
                    $"must be 1 to {IdempotencyKeys.MaxLength} printable ASCII characters without spaces");
            }
            var started = await starter.StartAsync(caller, orgId, body, key.Length > 0 ? key : null, client, cancellationToken);
            return started.ToResult(s => Accepted(request, context, client, s));
        }, cancellationToken);

    [Function(nameof(GetProvisioningStatus))]
    public Task<IActionResult> GetProvisioningStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "provisioning/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            (await statuses.GetAsync(caller, instanceId, client, cancellationToken)).ToResult(status => new OkObjectResult(status)),
            cancellationToken);

    private static IActionResult Accepted(HttpRequest request, FunctionContext context, DurableTaskClient client, ProvisioningStarted started)
    {
        var links = client.CreateHttpManagementPayload(started.InstanceId, new RequestUrlData(context, request));
        request.HttpContext.Response.Headers.Location = links.StatusQueryGetUri;
        var provisioningUri = $"{request.Scheme}://{request.Host}{request.PathBase}/api/provisioning/{started.InstanceId}";
        return new ObjectResult(new
        {
            id = links.Id,
            orgId = started.OrgId,
            provisioningStatusUri = provisioningUri,
            statusQueryGetUri = links.StatusQueryGetUri,
            sendEventPostUri = links.SendEventPostUri,
            terminatePostUri = links.TerminatePostUri,
            purgeHistoryDeleteUri = links.PurgeHistoryDeleteUri,
            suspendPostUri = links.SuspendPostUri,
            resumePostUri = links.ResumePostUri,
        })
        { StatusCode = StatusCodes.Status202Accepted };
    }
}
