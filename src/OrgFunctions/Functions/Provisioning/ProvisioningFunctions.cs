using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Provisioning;

namespace OrgFunctions.Functions.Provisioning;

/// <summary>
/// <c>POST /api/orgs/{orgId}/children</c> (the parent org; the route parameter is named as on <c>GET</c> of the same path,
/// which OpenAPI requires) starts provisioning a sub-org (202 with the instance id, the new org's id and
/// our status route); <c>GET /api/provisioning/{instanceId}</c> tells how it is going.
/// </summary>
public sealed class ProvisioningFunctions(Api api, ProvisioningStarter starter, ProvisioningStatusReader statuses)
{
    [Function(nameof(CreateChildOrg))]
    public Task<IActionResult> CreateChildOrg(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/children")] HttpRequest request,
        [DurableClient] DurableTaskClient client, string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsManage, body => ReadWithKey(request, body), async (scope, body) =>
        {
            var key = request.Headers[IdempotencyKeys.Header].ToString();
            var started = await starter.StartAsync(scope, body, key.Length > 0 ? key : null, client, cancellationToken);
            return started.ToResult(s => Accepted(request, s));
        }, cancellationToken);

    /// <summary>
    /// The body, then the <c>Idempotency-Key</c> header (named in the 400 as the body's fields are), both judged before
    /// the parent org is looked up.
    /// </summary>
    private static ProvisioningRequest? ReadWithKey(HttpRequest request, JsonObjectReader body)
    {
        if (ProvisioningRequest.Read(body) is not { } read)
        {
            return null;
        }
        var key = request.Headers[IdempotencyKeys.Header].ToString();
        if (key.Length > 0 && !IdempotencyKeys.IsValid(key))
        {
            body.Errors.Add(IdempotencyKeys.Header, $"must be 1 to {IdempotencyKeys.MaxLength} printable ASCII characters without spaces");
            return null;
        }
        return read;
    }

    [Function(nameof(GetProvisioningStatus))]
    public Task<IActionResult> GetProvisioningStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "provisioning/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            (await statuses.GetAsync(caller, instanceId, client, cancellationToken)).ToResult(status => new OkObjectResult(status)),
            cancellationToken);

    /// <summary>
    /// The instance, the new org and our own status route. Durable's management links (terminate, purge, raise
    /// event, suspend, rewind) are never handed out: they act on the task hub without our permission checks.
    /// </summary>
    private static IActionResult Accepted(HttpRequest request, ProvisioningStarted started)
    {
        var statusUri = $"{request.Scheme}://{request.Host}{request.PathBase}/api/provisioning/{started.InstanceId}";
        request.HttpContext.Response.Headers.Location = statusUri;
        return new ObjectResult(new { id = started.InstanceId, orgId = started.OrgId, provisioningStatusUri = statusUri })
        {
            StatusCode = StatusCodes.Status202Accepted,
        };
    }
}
