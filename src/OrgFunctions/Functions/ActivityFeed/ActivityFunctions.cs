using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.ActivityFeed;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;

namespace OrgFunctions.Functions.ActivityFeed;

/// <summary>/api/orgs/{orgId}/activity: the events of the org and its descendants, newest first (<c>reports.read</c>: an audit trail).</summary>
public sealed class ActivityFunctions(Api api, ActivityService activity)
{
    [Function(nameof(ListActivity))]
    public Task<IActionResult> ListActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/activity")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.ListInOrgAsync(request, orgId, Permission.ReportsRead, ActivityService.Paging, ActivityFilter.Read,
            (scope, filter, page) => activity.ListAsync(scope, filter, page, cancellationToken), cancellationToken);
}
