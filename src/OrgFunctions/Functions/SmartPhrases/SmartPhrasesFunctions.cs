using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.SmartPhrases;

namespace OrgFunctions.Functions.SmartPhrases;

/// <summary>/api/orgs/{orgId}/smart-phrases: list or search (<c>?search=</c>), create, get, replace, delete.</summary>
public sealed class SmartPhrasesFunctions(Api api, SmartPhraseService phrases)
{
    [Function(nameof(ListSmartPhrases))]
    public Task<IActionResult> ListSmartPhrases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/smart-phrases")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.ConversationsRead, async scope =>
        {
            var search = request.Query.ContainsKey("search") ? request.Query["search"].ToString() : null;
            if (search is { Length: > 200 })
            {
                return Problems.Validation("search", "must be at most 200 characters");
            }
            return new OkObjectResult(new { items = await phrases.ListAsync(scope, search, cancellationToken) });
        }, cancellationToken);

    [Function(nameof(CreateSmartPhrase))]
    public Task<IActionResult> CreateSmartPhrase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/smart-phrases")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, SmartPhraseRequest.Read, async (scope, body) =>
            (await phrases.CreateAsync(scope, body, cancellationToken)).ToResult(created =>
                Api.WithETag(request, created.Phrase, created.ETag, StatusCodes.Status201Created)),
            cancellationToken);

    [Function(nameof(GetSmartPhrase))]
    public Task<IActionResult> GetSmartPhrase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/smart-phrases/{id}")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.ConversationsRead, async scope =>
            (await phrases.GetAsync(scope, id, cancellationToken)).ToResult(found => Api.WithETag(request, found.Phrase, found.ETag)),
            cancellationToken);

    [Function(nameof(ReplaceSmartPhrase))]
    public Task<IActionResult> ReplaceSmartPhrase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/smart-phrases/{id}")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, SmartPhraseRequest.Read, async (scope, body) =>
            (await phrases.ReplaceAsync(scope, id, body, Api.IfMatch(request), cancellationToken)).ToResult(updated =>
                Api.WithETag(request, updated.Phrase, updated.ETag)),
            cancellationToken);

    [Function(nameof(DeleteSmartPhrase))]
    public Task<IActionResult> DeleteSmartPhrase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/smart-phrases/{id}")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, async scope =>
            (await phrases.DeleteAsync(scope, id, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);
}
