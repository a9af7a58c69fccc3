using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.FileDrops;
using OrgFunctions.Http;

namespace OrgFunctions.Functions.FileDrops;

/// <summary>The file-drop timer (schedule: setting <c>FileDropsSchedule</c>, every minute by default) and the imports listing.</summary>
public sealed class FileDropsFunctions(Api api, FileDropRun run, ImportsService imports)
{
    [Function(nameof(IngestFileDrops))]
    public Task IngestFileDrops([TimerTrigger("%FileDropsSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        run.RunAsync(cancellationToken);

    [Function(nameof(ListImports))]
    public Task<IActionResult> ListImports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/imports")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListInOrgAsync(request, orgId, Permission.ReportsRead, ImportsService.Paging, (scope, page) => imports.ListAsync(scope, page, cancellationToken),
            cancellationToken);
}
