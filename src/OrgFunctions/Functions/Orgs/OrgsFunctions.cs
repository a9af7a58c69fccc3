using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
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
        api.InOrgAsync(request, orgId, Permission.OrgsRead, scope =>
            Task.FromResult(Api.WithETag(request, OrgView.From(scope.Org), scope.Org.ETag)),
            cancellationToken);

    [Function(nameof(UpdateOrg))]
    public Task<IActionResult> UpdateOrg(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "orgs/{orgId}")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsManage, OrgPatch.Read, async (scope, patch) =>
            (await orgs.UpdateAsync(scope, patch, Api.IfMatch(request), cancellationToken))
                .ToResult(org => Api.WithETag(request, OrgView.From(org), org.ETag)),
            cancellationToken);

    [Function(nameof(DeleteOrg))]
    public Task<IActionResult> DeleteOrg(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsManage, async scope =>
        {
            var cascade = string.Equals(request.Query["cascade"], "true", StringComparison.OrdinalIgnoreCase);
            return (await orgs.DeleteAsync(scope, cascade, cancellationToken)).ToResult(_ => new NoContentResult());
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
        api.ListInOrgAsync(request, orgId, Permission.OrgsRead, OrgService.Paging,
            (scope, page) => orgs.ListAsync(scope, childrenOnly, page, cancellationToken),
            cancellationToken);
}
