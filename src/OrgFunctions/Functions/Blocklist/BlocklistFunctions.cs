using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Blocklist;
using OrgFunctions.Http;

namespace OrgFunctions.Functions.Blocklist;

/// <summary>/api/orgs/{orgId}/blocklist: list, add, remove, check (this org and its ancestors); and inbound STOP replies.</summary>
public sealed class BlocklistFunctions(Api api, BlocklistService blocklist)
{
    [Function(nameof(ListBlocklist))]
    public Task<IActionResult> ListBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/blocklist")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListAsync(request, BlocklistService.Paging, (caller, page) => blocklist.ListAsync(caller, orgId, page, cancellationToken),
            cancellationToken);

    [Function(nameof(AddToBlocklist))]
    public Task<IActionResult> AddToBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/blocklist")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.RunAsync(request, BlocklistRequest.Read, async (caller, body) =>
            (await blocklist.AddAsync(caller, orgId, body, cancellationToken)).ToResult(added =>
                new ObjectResult(added.Entry) { StatusCode = added.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK }),
            cancellationToken);

    [Function(nameof(CheckBlocklist))]
    public Task<IActionResult> CheckBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/blocklist/check")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            (await blocklist.CheckAsync(caller, orgId, request.Query["channel"], request.Query["identifier"], cancellationToken))
                .ToResult(check => new OkObjectResult(check)),
            cancellationToken);

    [Function(nameof(RemoveFromBlocklist))]
    public Task<IActionResult> RemoveFromBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/blocklist/{channel}/{identifier}")] HttpRequest request,
        string orgId, string channel, string identifier, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            (await blocklist.RemoveAsync(caller, orgId, channel, Uri.UnescapeDataString(identifier), cancellationToken))
                .ToResult(_ => new NoContentResult()),
            cancellationToken);

    [Function(nameof(Inbound))]
    public Task<IActionResult> Inbound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/inbound")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.RunAsync(request, InboundRequest.Read, async (caller, body) =>
            (await blocklist.InboundAsync(caller, orgId, body, cancellationToken)).ToResult(result => new OkObjectResult(result)),
            cancellationToken);
}
