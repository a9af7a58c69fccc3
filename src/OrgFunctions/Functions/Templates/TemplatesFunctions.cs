using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
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
        api.RunAsync(request, async caller =>
            (await templates.ListAsync(caller, orgId, cancellationToken)).ToResult(list =>
                new OkObjectResult(new { items = list.Select(TemplateView.From) })),
            cancellationToken);

    [Function(nameof(CreateTemplate))]
    public Task<IActionResult> CreateTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/templates")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.RunAsync(request, TemplateRequest.Read, async (caller, body) =>
            (await templates.CreateAsync(caller, orgId, body, cancellationToken)).ToResult(template =>
                Api.WithETag(request, TemplateView.From(template), template.ETag, StatusCodes.Status201Created)),
            cancellationToken);

    [Function(nameof(GetTemplate))]
    public Task<IActionResult> GetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/templates/{templateId}")] HttpRequest request,
        string orgId, string templateId, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            (await templates.GetAsync(caller, orgId, templateId, cancellationToken)).ToResult(template =>
                Api.WithETag(request, TemplateView.From(template), template.ETag)),
            cancellationToken);

    [Function(nameof(ReplaceTemplate))]
    public Task<IActionResult> ReplaceTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/templates/{templateId}")] HttpRequest request,
        string orgId, string templateId, CancellationToken cancellationToken) =>
        api.RunAsync(request, TemplateRequest.Read, async (caller, body) =>
            (await templates.ReplaceAsync(caller, orgId, templateId, body, Api.IfMatch(request), cancellationToken))
                .ToResult(template => Api.WithETag(request, TemplateView.From(template), template.ETag)),
            cancellationToken);

    [Function(nameof(DeleteTemplate))]
    public Task<IActionResult> DeleteTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/templates/{templateId}")] HttpRequest request,
        string orgId, string templateId, CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            (await templates.DeleteAsync(caller, orgId, templateId, cancellationToken)).ToResult(_ => new NoContentResult()),
            cancellationToken);
}
