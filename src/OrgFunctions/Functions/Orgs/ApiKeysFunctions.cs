using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.ApiKeys;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;

namespace OrgFunctions.Functions.Orgs;

/// <summary>/api/orgs/{orgId}/api-keys: issue (the secret is in this answer only), list, revoke.</summary>
public sealed class ApiKeysFunctions(Api api, ApiKeyService keys)
{
    [Function(nameof(ListApiKeys))]
    public Task<IActionResult> ListApiKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/api-keys")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.ApiKeysManage, async scope =>
            new OkObjectResult(new { items = await keys.ListAsync(scope, cancellationToken) }),
            cancellationToken);

    [Function(nameof(CreateApiKey))]
    public Task<IActionResult> CreateApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/api-keys")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.ApiKeysManage, ApiKeyRequest.Read, async (scope, body) =>
            (await keys.IssueAsync(scope, body, cancellationToken)).ToResult(key =>
                new ObjectResult(key) { StatusCode = StatusCodes.Status201Created }),
            cancellationToken);

    [Function(nameof(RevokeApiKey))]
    public Task<IActionResult> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/api-keys/{keyId}")] HttpRequest request,
        string orgId, string keyId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.ApiKeysManage, async scope =>
            (await keys.RevokeAsync(scope, keyId, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);
}
