using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Roles;

namespace OrgFunctions.Functions.Orgs;

/// <summary>/api/orgs/{orgId}/roles: an org's system and custom roles.</summary>
public sealed class RolesFunctions(Api api, RoleService roles)
{
    [Function(nameof(ListRoles))]
    public Task<IActionResult> ListRoles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/roles")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, async scope =>
            new OkObjectResult(new { items = (await roles.ListAsync(scope, cancellationToken)).Select(RoleView.From) }),
            cancellationToken);

    [Function(nameof(CreateRole))]
    public Task<IActionResult> CreateRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/roles")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.RolesManage, RoleRequest.Read, async (scope, body) =>
            (await roles.CreateAsync(scope, body, cancellationToken)).ToResult(role =>
                Api.WithETag(request, RoleView.From(role), role.ETag, StatusCodes.Status201Created)),
            cancellationToken);

    [Function(nameof(GetRole))]
    public Task<IActionResult> GetRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/roles/{roleId}")] HttpRequest request,
        string orgId, string roleId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, async scope =>
            (await roles.GetAsync(scope, roleId, cancellationToken)).ToResult(role => Api.WithETag(request, RoleView.From(role), role.ETag)),
            cancellationToken);

    [Function(nameof(ReplaceRole))]
    public Task<IActionResult> ReplaceRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/roles/{roleId}")] HttpRequest request,
        string orgId, string roleId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.RolesManage, RoleRequest.Read, async (scope, body) =>
            (await roles.ReplaceAsync(scope, roleId, body, Api.IfMatch(request), cancellationToken))
                .ToResult(role => Api.WithETag(request, RoleView.From(role), role.ETag)),
            cancellationToken);

    [Function(nameof(DeleteRole))]
    public Task<IActionResult> DeleteRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/roles/{roleId}")] HttpRequest request,
        string orgId, string roleId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.RolesManage, async scope =>
            (await roles.DeleteAsync(scope, roleId, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);
}
