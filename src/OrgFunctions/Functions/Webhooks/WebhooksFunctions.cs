using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Functions.Webhooks;

/// <summary>/api/orgs/{orgId}/webhooks: subscriptions (the secret is in the create and rotate answers only).</summary>
public sealed class WebhooksFunctions(Api api, SubscriptionService subscriptions)
{
    [Function(nameof(ListWebhooks))]
    public Task<IActionResult> ListWebhooks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/webhooks")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.WebhooksManage, async scope =>
            new OkObjectResult(new { items = await subscriptions.ListAsync(scope, cancellationToken) }),
            cancellationToken);

    [Function(nameof(CreateWebhook))]
    public Task<IActionResult> CreateWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/webhooks")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.WebhooksManage, SubscriptionRequest.ReadCreate, async (scope, body) =>
            (await subscriptions.CreateAsync(scope, body, cancellationToken)).ToResult(created =>
                new ObjectResult(created) { StatusCode = StatusCodes.Status201Created }),
            cancellationToken);

    [Function(nameof(GetWebhook))]
    public Task<IActionResult> GetWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/webhooks/{id}")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.WebhooksManage, async scope =>
            (await subscriptions.GetAsync(scope, id, cancellationToken)).ToResult(record =>
                Api.WithETag(request, SubscriptionView.From(record), record.ETag)),
            cancellationToken);

    [Function(nameof(UpdateWebhook))]
    public Task<IActionResult> UpdateWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "orgs/{orgId}/webhooks/{id}")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.WebhooksManage, SubscriptionRequest.ReadPatch, async (scope, body) =>
            (await subscriptions.PatchAsync(scope, id, body, Api.IfMatch(request), cancellationToken)).ToResult(record =>
                Api.WithETag(request, SubscriptionView.From(record), record.ETag)),
            cancellationToken);

    [Function(nameof(DeleteWebhook))]
    public Task<IActionResult> DeleteWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/webhooks/{id}")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.WebhooksManage, async scope =>
            (await subscriptions.DeleteAsync(scope, id, Api.IfMatch(request), cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);

    [Function(nameof(RotateWebhookSecret))]
    public Task<IActionResult> RotateWebhookSecret(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/webhooks/{id}/rotate-secret")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.WebhooksManage, async scope =>
            (await subscriptions.RotateSecretAsync(scope, id, cancellationToken)).ToResult(rotated => new OkObjectResult(rotated)),
            cancellationToken);

    [Function(nameof(TestWebhook))]
    public Task<IActionResult> TestWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/webhooks/{id}/test")] HttpRequest request,
        string orgId, string id, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.WebhooksManage, async scope =>
            (await subscriptions.SendTestAsync(scope, id, cancellationToken)).ToResult(delivery =>
                new ObjectResult(delivery) { StatusCode = StatusCodes.Status202Accepted }),
            cancellationToken);
}
