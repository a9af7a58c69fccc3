using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Templates;

namespace OrgFunctions.Functions.Templates;

/// <summary>/api/orgs/{orgId}/templates: an org's WhatsApp message templates.</summary>
public sealed class TemplatesFunctions(Api api, TemplateService templates)
{
    [Function(nameof(ListTemplates))]
    public Task<IActionResult> ListTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/templates")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, async scope =>
            new OkObjectResult(new { items = (await templates.ListAsync(scope, cancellationToken)).Select(TemplateView.From) }),
            cancellationToken);

    [Function(nameof(CreateTemplate))]
    public Task<IActionResult> CreateTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/templates")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, TemplateRequest.Read, async (scope, body) =>
            (await templates.CreateAsync(scope, body, cancellationToken)).ToResult(template =>
                Api.WithETag(request, TemplateView.From(template), template.ETag, StatusCodes.Status201Created)),
            cancellationToken);

    [Function(nameof(GetTemplate))]
    public Task<IActionResult> GetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/templates/{templateId}")] HttpRequest request,
        string orgId, string templateId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, async scope =>
            (await templates.GetAsync(scope, templateId, cancellationToken)).ToResult(template =>
                Api.WithETag(request, TemplateView.From(template), template.ETag)),
            cancellationToken);

    [Function(nameof(ReplaceTemplate))]
    public Task<IActionResult> ReplaceTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/templates/{templateId}")] HttpRequest request,
        string orgId, string templateId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, TemplateRequest.Read, async (scope, body) =>
            (await templates.ReplaceAsync(scope, templateId, body, Api.IfMatch(request), cancellationToken))
                .ToResult(template => Api.WithETag(request, TemplateView.From(template), template.ETag)),
            cancellationToken);

    [Function(nameof(DeleteTemplate))]
    public Task<IActionResult> DeleteTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/templates/{templateId}")] HttpRequest request,
        string orgId, string templateId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, async scope =>
            (await templates.DeleteAsync(scope, templateId, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);
}
