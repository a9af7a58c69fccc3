using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.SenderIds;

namespace OrgFunctions.Functions.SenderIds;

/// <summary>/api/orgs/{orgId}/sender-ids: the addresses an org sends from.</summary>
public sealed class SenderIdsFunctions(Api api, SenderIdService senders)
{
    [Function(nameof(ListSenderIds))]
    public Task<IActionResult> ListSenderIds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/sender-ids")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListInOrgAsync(request, orgId, Permission.OrgsRead, SenderIdService.Paging,
            (scope, page) => senders.ListAsync(scope, page, cancellationToken), cancellationToken);

    [Function(nameof(AddSenderId))]
    public Task<IActionResult> AddSenderId(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/sender-ids")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, SenderIdRequest.ReadCreate, async (scope, body) =>
            (await senders.AddAsync(scope, body, cancellationToken)).ToResult(sender =>
                Api.WithETag(request, SenderIdView.From(sender), sender.ETag, StatusCodes.Status201Created)),
            cancellationToken);

    [Function(nameof(GetSenderId))]
    public Task<IActionResult> GetSenderId(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/sender-ids/{senderId}")] HttpRequest request,
        string orgId, string senderId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, async scope =>
            (await senders.GetAsync(scope, senderId, cancellationToken)).ToResult(sender =>
                Api.WithETag(request, SenderIdView.From(sender), sender.ETag)),
            cancellationToken);

    [Function(nameof(UpdateSenderId))]
    public Task<IActionResult> UpdateSenderId(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "orgs/{orgId}/sender-ids/{senderId}")] HttpRequest request,
        string orgId, string senderId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, SenderIdRequest.ReadPatch, async (scope, body) =>
            (await senders.UpdateAsync(scope, senderId, body, Api.IfMatch(request), cancellationToken)).ToResult(sender =>
                Api.WithETag(request, SenderIdView.From(sender), sender.ETag)),
            cancellationToken);

    [Function(nameof(RemoveSenderId))]
    public Task<IActionResult> RemoveSenderId(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/sender-ids/{senderId}")] HttpRequest request,
        string orgId, string senderId, CancellationToken cancellationToken)
    {
        var cascade = request.Query["cascade"].ToString();
        if (cascade is not ("" or "true" or "false"))
        {
            return api.RunAsync(request, _ => Task.FromResult(Problems.Validation("cascade", "must be true or false")), cancellationToken);
        }
        return api.InOrgAsync(request, orgId, Permission.SettingsManage, async scope =>
            (await senders.RemoveAsync(scope, senderId, cascade == "true", Api.IfMatch(request), cancellationToken))
                .ToResult(_ => new NoContentResult()),
            cancellationToken);
    }
}
