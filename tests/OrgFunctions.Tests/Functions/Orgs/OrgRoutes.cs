using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>What a route is sent against: an org, and a custom role and an API key of that org for the routes that name one.</summary>
public sealed record RouteTarget(string OrgId, string RoleId, string KeyId, bool IsCaller = false, bool IsRoot = false, bool HasChildren = false);

/// <summary>One authenticated route of issue 4: the permission it needs, a valid request, and its answer when the caller can see the org.</summary>
public sealed record OrgRoute(string Name, string Permission, HttpMethod Method, Func<RouteTarget, string> Path,
    Func<RouteTarget, object?> Body, Func<RouteTarget, HttpStatusCode> WhenVisible)
{
    public HttpRequestMessage Request(RouteTarget target, string? apiKey) => AppHost.Request(Method, Path(target), apiKey, Body(target));

    public override string ToString() => Name;
}

/// <summary>
/// Every route of issue 4, in an order that can run against one target: reads, then changes, then deletes
/// (the custom role and the key are deleted last; the org is deleted only when it has no children and isn't the caller's).
/// </summary>
public static class OrgRoutes
{
    public static readonly IReadOnlyList<OrgRoute> All =
    [
        new("GET org", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}", _ => null, _ => HttpStatusCode.OK),
        new("PATCH org", Permission.OrgsManage, HttpMethod.Patch, t => $"api/orgs/{t.OrgId}",
            _ => new { description = "Seen by " + Guid.NewGuid().ToString("N")[..6] }, _ => HttpStatusCode.OK),
        new("GET children", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/children", _ => null, _ => HttpStatusCode.OK),
        new("GET descendants", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/descendants?maxPerPage=5", _ => null,
            _ => HttpStatusCode.OK),
        new("GET settings", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/settings", _ => null, _ => HttpStatusCode.OK),
        new("PATCH settings", Permission.SettingsManage, HttpMethod.Patch, t => $"api/orgs/{t.OrgId}/settings",
            _ => new { features = new { ai = true } }, _ => HttpStatusCode.OK),
        new("POST settings/reset", Permission.SettingsManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/settings/reset",
            _ => new { names = new[] { "features.ai" } },
            t => t.IsRoot ? HttpStatusCode.BadRequest : HttpStatusCode.OK),
        new("GET roles", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/roles", _ => null, _ => HttpStatusCode.OK),
        new("POST roles", Permission.RolesManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/roles",
            _ => new { name = "Role " + Guid.NewGuid().ToString("N")[..8], permissions = new[] { Permission.OrgsRead } },
            _ => HttpStatusCode.Created),
        new("GET role", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/roles/{t.RoleId}", _ => null, _ => HttpStatusCode.OK),
        new("PUT role", Permission.RolesManage, HttpMethod.Put, t => $"api/orgs/{t.OrgId}/roles/{t.RoleId}",
            _ => new { name = "Renamed " + Guid.NewGuid().ToString("N")[..8], permissions = new[] { Permission.OrgsRead, Permission.ReportsRead } },
            _ => HttpStatusCode.OK),
        new("GET api-keys", Permission.ApiKeysManage, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/api-keys", _ => null, _ => HttpStatusCode.OK),
        new("POST api-keys", Permission.ApiKeysManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/api-keys",
            _ => new { name = "Issued", roleId = SystemRoles.MemberId }, _ => HttpStatusCode.Created),
        new("DELETE api-key", Permission.ApiKeysManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}/api-keys/{t.KeyId}", _ => null,
            _ => HttpStatusCode.NoContent),
        new("DELETE role", Permission.RolesManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}/roles/{t.RoleId}", _ => null,
            _ => HttpStatusCode.NoContent),
        new("DELETE org", Permission.OrgsManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}?cascade=false", _ => null,
            t => t.IsCaller || t.HasChildren ? HttpStatusCode.Conflict : HttpStatusCode.NoContent),
    ];
}
