using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Http;
using OrgFunctions.Orgs;

namespace OrgFunctions.Functions.Orgs;

/// <summary>/api/orgs/{orgId}: read, change, delete, and list the subtree of an org the caller can see.</summary>
public sealed class OrgsFunctions(Api api, OrgService orgs)
{
    [Function(nameof(GetOrg))]
    public Task<IActionResult> GetOrg(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            (await orgs.GetAsync(caller, orgId, cancellationToken)).ToResult(org => Api.WithETag(request, OrgView.From(org), org.ETag)),
            cancellationToken);

    [Function(nameof(UpdateOrg))]
    public Task<IActionResult> UpdateOrg(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "orgs/{orgId}")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.RunAsync(request, OrgPatch.Read, async (caller, patch) =>
            (await orgs.UpdateAsync(caller, orgId, patch, Api.IfMatch(request), cancellationToken))
                .ToResult(org => Api.WithETag(request, OrgView.From(org), org.ETag)),
            cancellationToken);

    [Function(nameof(DeleteOrg))]
    public Task<IActionResult> DeleteOrg(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var cascade = string.Equals(request.Query["cascade"], "true", StringComparison.OrdinalIgnoreCase);
            return (await orgs.DeleteAsync(caller, orgId, cascade, cancellationToken)).ToResult(_ => new NoContentResult());
        }, cancellationToken);

    [Function(nameof(ListChildren))]
    public Task<IActionResult> ListChildren(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/children")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) => ListAsync(request, orgId, childrenOnly: true, cancellationToken);

    [Function(nameof(ListDescendants))]
    public Task<IActionResult> ListDescendants(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/descendants")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) => ListAsync(request, orgId, childrenOnly: false, cancellationToken);

    private Task<IActionResult> ListAsync(HttpRequest request, string orgId, bool childrenOnly, CancellationToken cancellationToken) =>
        api.ListAsync(request, OrgService.Paging, (caller, page) => orgs.ListAsync(caller, orgId, childrenOnly, page, cancellationToken),
            cancellationToken);
}
