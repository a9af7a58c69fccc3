using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Workspaces;

namespace OrgFunctions.Functions.Workspaces;

/// <summary>/api/orgs/{orgId}/workspaces: an org's workspaces and who has access to each.</summary>
public sealed class WorkspacesFunctions(Api api, WorkspaceService workspaces, WorkspaceMemberService members)
{
    private const string Workspace = "orgs/{orgId}/workspaces/{workspaceId}";

    [Function(nameof(ListWorkspaces))]
    public Task<IActionResult> ListWorkspaces(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/workspaces")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, async scope =>
            new OkObjectResult(new { items = (await workspaces.ListAsync(scope, cancellationToken)).Select(WorkspaceView.From) }),
            cancellationToken);

    [Function(nameof(CreateWorkspace))]
    public Task<IActionResult> CreateWorkspace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/workspaces")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, WorkspaceRequest.Read, async (scope, body) =>
            (await workspaces.CreateAsync(scope, body, cancellationToken)).ToResult(workspace =>
                Api.WithETag(request, WorkspaceView.From(workspace), workspace.ETag, StatusCodes.Status201Created)),
            cancellationToken);

    [Function(nameof(GetWorkspace))]
    public Task<IActionResult> GetWorkspace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Workspace)] HttpRequest request,
        string orgId, string workspaceId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, async scope =>
            (await workspaces.GetAsync(scope, workspaceId, cancellationToken)).ToResult(workspace =>
                Api.WithETag(request, WorkspaceView.From(workspace), workspace.ETag)),
            cancellationToken);

    [Function(nameof(UpdateWorkspace))]
    public Task<IActionResult> UpdateWorkspace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Workspace)] HttpRequest request,
        string orgId, string workspaceId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, WorkspacePatch.Read, async (scope, body) =>
            (await workspaces.UpdateAsync(scope, workspaceId, body, Api.IfMatch(request), cancellationToken))
                .ToResult(workspace => Api.WithETag(request, WorkspaceView.From(workspace), workspace.ETag)),
            cancellationToken);

    [Function(nameof(DeleteWorkspace))]
    public Task<IActionResult> DeleteWorkspace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Workspace)] HttpRequest request,
        string orgId, string workspaceId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, async scope =>
            (await workspaces.DeleteAsync(scope, workspaceId, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);

    [Function(nameof(ListWorkspaceMembers))]
    public Task<IActionResult> ListWorkspaceMembers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Workspace + "/members")] HttpRequest request,
        string orgId, string workspaceId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, async scope =>
            (await members.ListAsync(scope, workspaceId, cancellationToken)).ToResult(list =>
                new OkObjectResult(new { items = list.Select(WorkspaceMemberView.From) })),
            cancellationToken);

    [Function(nameof(PutWorkspaceMember))]
    public Task<IActionResult> PutWorkspaceMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Workspace + "/members/{userId}")] HttpRequest request,
        string orgId, string workspaceId, string userId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, WorkspaceAccessRequest.Read, async (scope, body) =>
            (await members.PutAsync(scope, workspaceId, userId, body.Level, cancellationToken)).ToResult(change =>
                new ObjectResult(WorkspaceMemberView.From(change.Access))
                {
                    StatusCode = change.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK,
                }),
            cancellationToken);

    [Function(nameof(RemoveWorkspaceMember))]
    public Task<IActionResult> RemoveWorkspaceMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Workspace + "/members/{userId}")] HttpRequest request,
        string orgId, string workspaceId, string userId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.UsersManage, async scope =>
            (await members.RemoveAsync(scope, workspaceId, userId, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);
}
