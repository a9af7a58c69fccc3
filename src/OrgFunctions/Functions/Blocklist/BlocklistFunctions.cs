using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;

namespace OrgFunctions.Functions.Blocklist;

/// <summary>/api/orgs/{orgId}/blocklist: list, add, remove, check (this org and its ancestors); and inbound STOP replies.</summary>
public sealed class BlocklistFunctions(Api api, BlocklistService blocklist)
{
    [Function(nameof(ListBlocklist))]
    public Task<IActionResult> ListBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/blocklist")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListInOrgAsync(request, orgId, Permission.ConversationsRead, BlocklistService.Paging, (scope, page) => blocklist.ListAsync(scope, page, cancellationToken),
            cancellationToken);

    [Function(nameof(AddToBlocklist))]
    public Task<IActionResult> AddToBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/blocklist")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, BlocklistRequest.Read, async (scope, body) =>
            (await blocklist.AddAsync(scope, body, cancellationToken)).ToResult(added =>
                new ObjectResult(added.Entry) { StatusCode = added.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK }),
            cancellationToken);

    [Function(nameof(CheckBlocklist))]
    public Task<IActionResult> CheckBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/blocklist/check")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.ConversationsRead, async scope =>
            (await blocklist.CheckAsync(scope, request.Query["channel"], request.Query["identifier"], cancellationToken))
                .ToResult(check => new OkObjectResult(check)),
            cancellationToken);

    [Function(nameof(RemoveFromBlocklist))]
    public Task<IActionResult> RemoveFromBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/blocklist/{channel}/{identifier}")] HttpRequest request,
        string orgId, string channel, string identifier, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, async scope =>
            (await blocklist.RemoveAsync(scope, channel, Uri.UnescapeDataString(identifier), cancellationToken))
                .ToResult(_ => new NoContentResult()),
            cancellationToken);

    [Function(nameof(Inbound))]
    public Task<IActionResult> Inbound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/inbound")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, InboundRequest.Read, async (scope, body) =>
            (await blocklist.InboundAsync(scope, body, cancellationToken)).ToResult(result => new OkObjectResult(result)),
            cancellationToken);
}
