using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Http;
using OrgFunctions.Settings;

namespace OrgFunctions.Functions.Orgs;

/// <summary>/api/orgs/{orgId}/settings: each inheritable setting with its provenance; override; reset to the parent's.</summary>
public sealed class SettingsFunctions(Api api, SettingsService settings)
{
    [Function(nameof(GetSettings))]
    public Task<IActionResult> GetSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/settings")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.OrgsRead, scope =>
            Task.FromResult<IActionResult>(new OkObjectResult(SettingsView.From(scope.Org.Settings))),
            cancellationToken);

    [Function(nameof(UpdateSettings))]
    public Task<IActionResult> UpdateSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "orgs/{orgId}/settings")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, SettingsPatch.Read, async (scope, values) =>
            (await settings.OverrideAsync(scope, values, cancellationToken)).ToResult(s => new OkObjectResult(SettingsView.From(s))),
            cancellationToken);

    [Function(nameof(ResetSettings))]
    public Task<IActionResult> ResetSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/settings/reset")] HttpRequest request,
        string orgId, CancellationToken cancellationToken) =>
        api.InOrgAsync(request, orgId, Permission.SettingsManage, ReadNames, async (scope, names) =>
            (await settings.ResetAsync(scope, names, cancellationToken)).ToResult(s => new OkObjectResult(SettingsView.From(s))),
            cancellationToken);

    private static IReadOnlyList<string>? ReadNames(JsonObjectReader body)
    {
        var names = body.StringArray("names", required: true, maxItems: 50);
        body.RejectUnknownFields();
        return body.Errors.Any ? null : names;
    }
}
