using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// What a route is sent against: an org, and the things of that org the routes name (a custom role, an API key, a
/// template, a webhook subscription with a delivery, a provisioning started under it). Ids left unset name nothing.
/// </summary>
public sealed record RouteTarget(string OrgId, string RoleId, string KeyId, bool IsCaller = false, bool IsRoot = false, bool HasChildren = false)
{
    public string TemplateId { get; init; } = "tpl_none";
    public string WebhookId { get; init; } = "wh_none";
    public string DeliveryId { get; init; } = "msg_none";
    public string InstanceId { get; init; } = "prov-none";
    public string BlockedChannel { get; init; } = "email";
    public string BlockedIdentifier { get; init; } = "none@example.com";
    public string SmartPhraseId { get; init; } = "sp_none";
    public string WorkspaceId { get; init; } = "ws_none";
    public string MemberUserId { get; init; } = "usr_none";

    /// <summary>No gateway: one can't be made without the payment vault, which the route tables don't run.</summary>
    public string PaymentGatewayId { get; init; } = "pgw_none";
    public string SenderId { get; init; } = "snd_none";
    public string IntegrationId { get; init; } = "int_none";

    /// <summary>Each id as its route parameter, so that a row's path reads as its route template.</summary>
    public static RouteTarget Placeholders { get; } = new("{orgId}", "{roleId}", "{keyId}")
    {
        TemplateId = "{templateId}",
        WebhookId = "{id}",
        DeliveryId = "{deliveryId}",
        InstanceId = "{instanceId}",
        BlockedChannel = "{channel}",
        BlockedIdentifier = "{identifier}",
        SmartPhraseId = "{id}",
        WorkspaceId = "{workspaceId}",
        MemberUserId = "{userId}",
        PaymentGatewayId = "{id}",
        SenderId = "{senderId}",
        IntegrationId = "{integrationId}",
    };
}

/// <summary>
/// One authenticated route: the permission it needs, a valid request, and its answer when the caller can see the org.
/// <paramref name="Settle"/>, if any, runs after a successful answer to undo what would change the target for the rows
/// after it (a provisioned child would make a leaf a parent).
/// </summary>
public sealed record OrgRoute(string Name, string Permission, HttpMethod Method, Func<RouteTarget, string> Path,
    Func<RouteTarget, object?> Body, Func<RouteTarget, HttpStatusCode> WhenVisible,
    Func<AppHost, string, HttpAnswer, Task>? Settle = null)
{
    public HttpRequestMessage Request(RouteTarget target, string? apiKey) => AppHost.Request(Method, Path(target), apiKey, Body(target));

    /// <summary>Sends the request with <paramref name="apiKey"/> and, when it succeeded, settles it.</summary>
    public async Task<HttpAnswer> SendAsync(AppHost app, RouteTarget target, string? apiKey)
    {
        var answer = await HttpAnswer.SendAsync(app, Request(target, apiKey));
        if (Settle is not null && (int)answer.Status is >= 200 and < 300)
        {
            await Settle(app, apiKey!, answer);
        }
        return answer;
    }

    public override string ToString() => Name;
}

/// <summary>
/// Every authenticated route that names an org (directly, or through a provisioning under it), in an order that can run
/// against one target: reads, then changes, then deletes (the org is deleted last, only when it has no children and
/// isn't the caller's). <see cref="Orgs"/> are issue 4's; <see cref="Features"/> came with provisioning, templates,
/// webhooks, the blocklist, smart phrases, file-drop imports, workspaces, sender IDs and integrations. <see cref="Unscoped"/> name no org: any valid key reads them.
/// </summary>
public static class OrgRoutes
{
    public static readonly IReadOnlyList<OrgRoute> Orgs =
    [
        new("GET org", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}", _ => null, _ => HttpStatusCode.OK),
        new("PATCH org", Permission.OrgsManage, HttpMethod.Patch, t => $"api/orgs/{t.OrgId}",
            _ => new { description = "Seen by " + Guid.NewGuid().ToString("N")[..6] }, _ => HttpStatusCode.OK),
        new("GET children", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/children", _ => null, _ => HttpStatusCode.OK),
        new("GET descendants", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/descendants?maxPerPage=5", _ => null,
            _ => HttpStatusCode.OK),
        new("GET activity", Permission.ReportsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/activity?types=org.*&maxPerPage=5", _ => null,
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

    public static readonly IReadOnlyList<OrgRoute> Features =
    [
        new("GET templates", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/templates", _ => null, _ => HttpStatusCode.OK),
        new("POST templates", Permission.SettingsManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/templates",
            _ => TemplateBody("created"), _ => HttpStatusCode.Created),
        new("GET template", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/templates/{t.TemplateId}", _ => null,
            _ => HttpStatusCode.OK),
        new("PUT template", Permission.SettingsManage, HttpMethod.Put, t => $"api/orgs/{t.OrgId}/templates/{t.TemplateId}",
            _ => TemplateBody("replaced"), _ => HttpStatusCode.OK),
        new("GET webhooks", Permission.WebhooksManage, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/webhooks", _ => null, _ => HttpStatusCode.OK),
        new("POST webhooks", Permission.WebhooksManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/webhooks",
            _ => new { url = RouteTargets.WebhookUrl, events = new[] { RouteTargets.WebhookEvent }, includeDescendants = false },
            _ => HttpStatusCode.Created),
        new("GET webhook", Permission.WebhooksManage, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/webhooks/{t.WebhookId}", _ => null,
            _ => HttpStatusCode.OK),
        new("PATCH webhook", Permission.WebhooksManage, HttpMethod.Patch, t => $"api/orgs/{t.OrgId}/webhooks/{t.WebhookId}",
            _ => new { description = "Seen by " + Guid.NewGuid().ToString("N")[..6] }, _ => HttpStatusCode.OK),
        new("POST webhook/rotate-secret", Permission.WebhooksManage, HttpMethod.Post,
            t => $"api/orgs/{t.OrgId}/webhooks/{t.WebhookId}/rotate-secret", _ => null, _ => HttpStatusCode.OK),
        new("GET webhook/deliveries", Permission.WebhooksManage, HttpMethod.Get,
            t => $"api/orgs/{t.OrgId}/webhooks/{t.WebhookId}/deliveries?maxPerPage=5", _ => null, _ => HttpStatusCode.OK),
        new("POST webhook/deliveries/redeliver", Permission.WebhooksManage, HttpMethod.Post,
            t => $"api/orgs/{t.OrgId}/webhooks/{t.WebhookId}/deliveries/{t.DeliveryId}/redeliver", _ => null, _ => HttpStatusCode.Accepted),
        new("POST webhook/test", Permission.WebhooksManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/webhooks/{t.WebhookId}/test",
            _ => null, _ => HttpStatusCode.Accepted),
        new("GET provisioning", Permission.OrgsRead, HttpMethod.Get, t => $"api/provisioning/{t.InstanceId}", _ => null, _ => HttpStatusCode.OK),
        new("POST children", Permission.OrgsManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/children",
            _ => new { name = "Provisioned " + Guid.NewGuid().ToString("N")[..8] }, _ => HttpStatusCode.Accepted,
            RouteTargets.DeleteProvisionedChildAsync),
        new("GET blocklist", Permission.ConversationsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/blocklist?maxPerPage=5", _ => null,
            _ => HttpStatusCode.OK),
        new("GET blocklist/check", Permission.ConversationsRead, HttpMethod.Get,
            t => $"api/orgs/{t.OrgId}/blocklist/check?channel=email&identifier=someone%40example.com", _ => null, _ => HttpStatusCode.OK),
        new("POST blocklist", Permission.SettingsManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/blocklist",
            _ => new { channel = "email", identifier = $"added.{Guid.NewGuid().ToString("N")[..8]}@example.com", reason = "Route table" },
            _ => HttpStatusCode.Created),
        new("POST inbound", Permission.SettingsManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/inbound",
            _ => new { channel = "email", from = "sender@example.com", text = "Hello, is anyone there?" }, _ => HttpStatusCode.OK),
        new("GET imports", Permission.ReportsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/imports", _ => null, _ => HttpStatusCode.OK),
        new("GET smart-phrases", Permission.ConversationsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/smart-phrases?search=hello",
            _ => null, _ => HttpStatusCode.OK),
        new("POST smart-phrases", Permission.SettingsManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/smart-phrases",
            _ => new { shortcut = "sc" + Guid.NewGuid().ToString("N")[..8], text = "Thanks for waiting.", tags = new[] { "routes" } },
            _ => HttpStatusCode.Created),
        new("GET smart-phrase", Permission.ConversationsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/smart-phrases/{t.SmartPhraseId}",
            _ => null, _ => HttpStatusCode.OK),
        new("PUT smart-phrase", Permission.SettingsManage, HttpMethod.Put, t => $"api/orgs/{t.OrgId}/smart-phrases/{t.SmartPhraseId}",
            _ => new { shortcut = "re" + Guid.NewGuid().ToString("N")[..8], text = "Replaced by the route table." }, _ => HttpStatusCode.OK),
        new("GET workspaces", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/workspaces", _ => null, _ => HttpStatusCode.OK),
        new("POST workspaces", Permission.UsersManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/workspaces",
            _ => new { name = "Workspace " + Guid.NewGuid().ToString("N")[..8] }, _ => HttpStatusCode.Created),
        new("GET workspace", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/workspaces/{t.WorkspaceId}", _ => null,
            _ => HttpStatusCode.OK),
        new("PATCH workspace", Permission.UsersManage, HttpMethod.Patch, t => $"api/orgs/{t.OrgId}/workspaces/{t.WorkspaceId}",
            _ => new { description = "Seen by " + Guid.NewGuid().ToString("N")[..6] }, _ => HttpStatusCode.OK),
        new("GET workspace/members", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/workspaces/{t.WorkspaceId}/members",
            _ => null, _ => HttpStatusCode.OK),
        new("PUT workspace/member", Permission.UsersManage, HttpMethod.Put,
            t => $"api/orgs/{t.OrgId}/workspaces/{t.WorkspaceId}/members/{t.MemberUserId}", _ => new { accessLevel = "agent" },
            _ => HttpStatusCode.Created),
        new("DELETE workspace/member", Permission.UsersManage, HttpMethod.Delete,
            t => $"api/orgs/{t.OrgId}/workspaces/{t.WorkspaceId}/members/{t.MemberUserId}", _ => null, _ => HttpStatusCode.NoContent),
        new("DELETE workspace", Permission.UsersManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}/workspaces/{t.WorkspaceId}", _ => null,
            _ => HttpStatusCode.NoContent),
        new("GET payment-gateways", Permission.BillingManage, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/payment-gateways", _ => null,
            _ => HttpStatusCode.OK),
        // features.payments is off (its default) in every route table's tree, so the vault is never called.
        new("POST payment-gateways", Permission.BillingManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/payment-gateways",
            _ => new { gatewayType = "test", credentials = new { login = "route-table" } }, _ => HttpStatusCode.Conflict),
        new("GET payment-gateway", Permission.BillingManage, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/payment-gateways/{t.PaymentGatewayId}",
            _ => null, _ => HttpStatusCode.NotFound),
        new("DELETE payment-gateway", Permission.BillingManage, HttpMethod.Delete,
            t => $"api/orgs/{t.OrgId}/payment-gateways/{t.PaymentGatewayId}", _ => null, _ => HttpStatusCode.NotFound),
        new("GET sender-ids", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/sender-ids?maxPerPage=5", _ => null,
            _ => HttpStatusCode.OK),
        new("POST sender-ids", Permission.SettingsManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/sender-ids",
            _ => new { channel = "email", address = $"route.{Guid.NewGuid().ToString("N")[..8]}@example.com" },
            // A root registers a new address; a sub-org may only add one its parent holds.
            t => t.IsRoot ? HttpStatusCode.Created : HttpStatusCode.BadRequest),
        new("GET sender-id", Permission.OrgsRead, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/sender-ids/{t.SenderId}", _ => null,
            _ => HttpStatusCode.OK),
        new("PATCH sender-id", Permission.SettingsManage, HttpMethod.Patch, t => $"api/orgs/{t.OrgId}/sender-ids/{t.SenderId}",
            _ => new { description = "Seen by " + Guid.NewGuid().ToString("N")[..6] }, _ => HttpStatusCode.OK),
        new("DELETE sender-id", Permission.SettingsManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}/sender-ids/{t.SenderId}", _ => null,
            _ => HttpStatusCode.NoContent),
        new("GET integrations", Permission.SettingsManage, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/integrations?maxPerPage=5", _ => null,
            _ => HttpStatusCode.OK),
        new("POST integrations", Permission.SettingsManage, HttpMethod.Post, t => $"api/orgs/{t.OrgId}/integrations",
            _ => new { type = "zendesk", settings = new { subdomain = "routes", agentEmail = "agent@routes.example" }, secrets = new { apiToken = "route-table" } },
            _ => HttpStatusCode.Created),
        new("GET integration", Permission.SettingsManage, HttpMethod.Get, t => $"api/orgs/{t.OrgId}/integrations/{t.IntegrationId}", _ => null,
            _ => HttpStatusCode.OK),
        new("PATCH integration", Permission.SettingsManage, HttpMethod.Patch, t => $"api/orgs/{t.OrgId}/integrations/{t.IntegrationId}",
            _ => new { description = "Seen by " + Guid.NewGuid().ToString("N")[..6] }, _ => HttpStatusCode.OK),
        new("DELETE integration", Permission.SettingsManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}/integrations/{t.IntegrationId}",
            _ => null, _ => HttpStatusCode.NoContent),
        new("DELETE blocklist entry", Permission.SettingsManage, HttpMethod.Delete,
            t => $"api/orgs/{t.OrgId}/blocklist/{t.BlockedChannel}/{t.BlockedIdentifier}", _ => null, _ => HttpStatusCode.NoContent),
        new("DELETE smart-phrase", Permission.SettingsManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}/smart-phrases/{t.SmartPhraseId}",
            _ => null, _ => HttpStatusCode.NoContent),
        new("DELETE webhook", Permission.WebhooksManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}/webhooks/{t.WebhookId}", _ => null,
            _ => HttpStatusCode.NoContent),
        new("DELETE template", Permission.SettingsManage, HttpMethod.Delete, t => $"api/orgs/{t.OrgId}/templates/{t.TemplateId}", _ => null,
            _ => HttpStatusCode.NoContent),
    ];

    /// <summary>Issue 4's routes with the features' routes before its deletes.</summary>
    public static readonly IReadOnlyList<OrgRoute> All =
        [.. Orgs.Where(r => r.Method != HttpMethod.Delete), .. Features, .. Orgs.Where(r => r.Method == HttpMethod.Delete)];

    /// <summary>Authenticated routes that name no org: any valid key gets this answer, whatever its role.</summary>
    public static readonly IReadOnlyList<OrgRoute> Unscoped =
    [
        new("GET webhook-events", "", HttpMethod.Get, _ => "api/webhook-events", _ => null, _ => HttpStatusCode.OK),
        new("GET integration-types", "", HttpMethod.Get, _ => "api/integration-types", _ => null, _ => HttpStatusCode.OK),
    ];

    private static object TemplateBody(string what) => new
    {
        name = "route_" + what + "_" + Guid.NewGuid().ToString("N")[..8],
        language = "en-GB",
        category = "UTILITY",
        body = "Hello {{1}}, your order {{2}} has shipped.",
    };
}
