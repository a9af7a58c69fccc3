using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Users.Members;

namespace OrgFunctions.Functions.Users;

/// <summary>/api/orgs/{orgId}/users: an org's members (with its descendants' on request), one member, role and status changes, removal, unlock.</summary>
public sealed class UsersFunctions(Api api, MemberService members)
{
    [Function(nameof(ListUsers))]
    public Task<IActionResult> ListUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/users")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListInOrgAsync(request, orgId, Permission.UsersManage, MemberService.Paging, (scope, page) =>
            members.ListAsync(scope, request.Query["includeDescendants"].ToString(), page, cancellationToken), cancellationToken);

    [Function(nameof(GetUser))]
    public Task<IActionResult> GetUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/users/{userId}")] HttpRequest request,
        string orgId, string userId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, async scope =>
            (await members.GetAsync(scope, userId, cancellationToken)).ToResult(found =>
                Api.WithETag(request, MemberView.From(found), found.ETag)),
            cancellationToken);

    [Function(nameof(UpdateUser))]
    public Task<IActionResult> UpdateUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "orgs/{orgId}/users/{userId}")] HttpRequest request,
        string orgId, string userId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, MemberPatch.Read, async (scope, body) =>
            (await members.PatchAsync(scope, userId, body, Api.IfMatch(request), cancellationToken)).ToResult(updated =>
                Api.WithETag(request, MemberView.From(updated), updated.ETag)),
            cancellationToken);

    [Function(nameof(RemoveUser))]
    public Task<IActionResult> RemoveUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/users/{userId}")] HttpRequest request,
        string orgId, string userId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, async scope =>
            (await members.RemoveAsync(scope, userId, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);

    [Function(nameof(UnlockUser))]
    public Task<IActionResult> UnlockUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/users/{userId}/unlock")] HttpRequest request,
        string orgId, string userId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, async scope =>
            (await members.UnlockAsync(scope, userId, cancellationToken)).ToResult(unlocked =>
                Api.WithETag(request, MemberView.From(unlocked), unlocked.ETag)),
            cancellationToken);
}
