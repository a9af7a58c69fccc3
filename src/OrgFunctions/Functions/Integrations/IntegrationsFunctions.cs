using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Integrations;

namespace OrgFunctions.Functions.Integrations;

/// <summary>/api/orgs/{orgId}/integrations: the services an org is connected to. Every route needs <c>settings.manage</c>.</summary>
public sealed class IntegrationsFunctions(Api api, IntegrationService integrations)
{
    [Function(nameof(ListIntegrations))]
    public Task<IActionResult> ListIntegrations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/integrations")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListInOrgAsync(request, orgId, Permission.SettingsManage, IntegrationService.Paging,
            (scope, page) => integrations.ListAsync(scope, page, cancellationToken), cancellationToken);

    [Function(nameof(AddIntegration))]
    public Task<IActionResult> AddIntegration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/integrations")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, IntegrationRequest.ReadCreate, async (scope, body) =>
            (await integrations.AddAsync(scope, body, cancellationToken)).ToResult(integration =>
                Api.WithETag(request, IntegrationView.From(integration), integration.ETag, StatusCodes.Status201Created)),
            cancellationToken);

    [Function(nameof(GetIntegration))]
    public Task<IActionResult> GetIntegration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/integrations/{integrationId}")] HttpRequest request,
        string orgId, string integrationId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, async scope =>
            (await integrations.GetAsync(scope, integrationId, cancellationToken)).ToResult(integration =>
                Api.WithETag(request, IntegrationView.From(integration), integration.ETag)),
            cancellationToken);

    [Function(nameof(UpdateIntegration))]
    public Task<IActionResult> UpdateIntegration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "orgs/{orgId}/integrations/{integrationId}")] HttpRequest request,
        string orgId, string integrationId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, IntegrationRequest.ReadPatch, async (scope, body) =>
            (await integrations.UpdateAsync(scope, integrationId, body, Api.IfMatch(request), cancellationToken)).ToResult(integration =>
                Api.WithETag(request, IntegrationView.From(integration), integration.ETag)),
            cancellationToken);

    [Function(nameof(RemoveIntegration))]
    public Task<IActionResult> RemoveIntegration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/integrations/{integrationId}")] HttpRequest request,
        string orgId, string integrationId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, async scope =>
            (await integrations.RemoveAsync(scope, integrationId, Api.IfMatch(request), cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);
}
