using System.Text.Json.Nodes;
using OrgFunctions.Domain.Events;

namespace OrgFunctions.Domain.Webhooks;

/// <summary>Every event type a subscription can ask for, with an example of its <c>data</c>.</summary>
public static class WebhookEventCatalog
{
    public const string WebhookTest = "webhook.test";
    public const string WebhookDisabled = "webhook.disabled";

    public sealed record Entry(string Type, string Description, Func<JsonObject> ExampleData);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new(EventTypes.OrgCreated, "An org was created (sign-up or a new sub-org).",
            () => new JsonObject { ["name"] = "Acme Support", ["parentId"] = "abcdefghijklmnopqrst" }),
        new(EventTypes.OrgUpdated, "An org's name, description or status changed.", () => new JsonObject { ["name"] = "Acme Care" }),
        new(EventTypes.OrgDeleted, "An org was deleted.", () => new JsonObject()),
        new(EventTypes.SettingsChanged, "Settings changed (locally or inherited from a parent).",
            () => new JsonObject { ["changed"] = new JsonArray("locale", "timeZone") }),
        new(EventTypes.RoleCreated, "A custom role was created.",
            () => new JsonObject { ["roleId"] = "role_1", ["name"] = "Supervisor" }),
        new(EventTypes.RoleUpdated, "A role's name or permissions changed.", () => new JsonObject { ["roleId"] = "role_1" }),
        new(EventTypes.RoleDeleted, "A custom role was deleted.", () => new JsonObject { ["roleId"] = "role_1" }),
        new(EventTypes.ApiKeyCreated, "An API key was issued.",
            () => new JsonObject { ["keyId"] = "k3y1d", ["name"] = "CI", ["roleId"] = "admin" }),
        new(EventTypes.ApiKeyRevoked, "An API key was revoked.", () => new JsonObject { ["keyId"] = "k3y1d" }),
        new(EventTypes.TemplateCreated, "A WhatsApp template was created.",
            () => new JsonObject { ["templateId"] = "tpl_1", ["name"] = "order_update", ["language"] = "en-GB" }),
        new(EventTypes.TemplateUpdated, "A WhatsApp template changed.", () => new JsonObject { ["templateId"] = "tpl_1" }),
        new(EventTypes.TemplateDeleted, "A WhatsApp template was deleted.", () => new JsonObject { ["templateId"] = "tpl_1" }),
        new(EventTypes.BlocklistAdded, "A sender was blocked (by the API, or by a STOP reply).",
            () => new JsonObject { ["channel"] = "sms", ["identifier"] = "+353861234567", ["reason"] = "stop-reply" }),
        new(EventTypes.IngestCompleted, "An SFTP file was applied; data is its report's summary.",
            () => new JsonObject { ["file"] = "blocklist-2026-11.csv", ["rowsRead"] = 120, ["applied"] = 118, ["skippedDuplicates"] = 2, ["errors"] = 0 }),
        new(EventTypes.IngestFailed, "An SFTP file was refused; nothing of it was applied.",
            () => new JsonObject { ["file"] = "blocklist-2026-11.csv", ["rowsRead"] = 120, ["applied"] = 0, ["errors"] = 3 }),
        new(EventTypes.WorkspaceCreated, "A workspace was created in the org.",
            () => new JsonObject { ["workspaceId"] = "ws_1", ["name"] = "Front desk", ["description"] = null }),
        new(EventTypes.WorkspaceUpdated, "A workspace's name or description changed.",
            () => new JsonObject { ["workspaceId"] = "ws_1", ["name"] = "Front desk", ["description"] = "Walk-in customers" }),
        new(EventTypes.WorkspaceDeleted, "A workspace was deleted, with every member's access to it.",
            () => new JsonObject { ["workspaceId"] = "ws_1", ["name"] = "Front desk", ["description"] = null }),
        new(EventTypes.WorkspaceMemberAdded, "A member of the org was given access to a workspace.",
            () => new JsonObject { ["workspaceId"] = "ws_1", ["userId"] = "usr_1", ["accessLevel"] = "agent" }),
        new(EventTypes.WorkspaceMemberChanged, "A workspace member's access level changed.",
            () => new JsonObject { ["workspaceId"] = "ws_1", ["userId"] = "usr_1", ["accessLevel"] = "manager" }),
        new(EventTypes.WorkspaceMemberRemoved, "A member's access to a workspace was removed (not their membership of the org).",
            () => new JsonObject { ["workspaceId"] = "ws_1", ["userId"] = "usr_1" }),
        new(EventTypes.UserInvited, "Someone was invited to the org with a role (the accept link went by email).",
            () => new JsonObject { ["invitationId"] = "inv_1", ["email"] = "ana@example.com", ["roleId"] = "member", ["expiresAt"] = "2026-12-12T09:00:00+00:00" }),
        new(EventTypes.InvitationResent, "An invitation was sent again with a fresh link and expiry; the old link no longer works.",
            () => new JsonObject { ["invitationId"] = "inv_1", ["expiresAt"] = "2026-12-19T09:00:00+00:00" }),
        new(EventTypes.InvitationRevoked, "An invitation was revoked before it was accepted.", () => new JsonObject { ["invitationId"] = "inv_1" }),
        new(EventTypes.UserJoined, "A user became a member of the org (an accepted invitation, or sign-up's owner).",
            () => new JsonObject { ["userId"] = "usr_1", ["roleId"] = "member", ["invitationId"] = "inv_1" }),
        new(EventTypes.UserUpdated, "A member's role or status (active, suspended) changed; data names what changed.",
            () => new JsonObject { ["userId"] = "usr_1", ["roleId"] = "admin", ["status"] = "active" }),
        new(EventTypes.UserRemoved, "A membership ended (the user keeps their other orgs).", () => new JsonObject { ["userId"] = "usr_1" }),
        new(EventTypes.UserLocked, "A member's sign-ins to the org were locked after the org's login attempts of wrong passwords.",
            () => new JsonObject { ["userId"] = "usr_1" }),
        new(EventTypes.UserUnlocked, "A locked member was unlocked by an administrator of the org or an ancestor.",
            () => new JsonObject { ["userId"] = "usr_1" }),
        new(EventTypes.PaymentGatewayAdded, "A payment gateway was registered with the payment vault (its credentials went to the vault only).",
            () => new JsonObject { ["gatewayId"] = "pgw_0123456789abcdef0123456789abcdef", ["gatewayType"] = "stripe", ["description"] = "Card payments" }),
        new(EventTypes.PaymentGatewayRemoved, "A payment gateway was redacted at the payment vault and removed.",
            () => new JsonObject { ["gatewayId"] = "pgw_0123456789abcdef0123456789abcdef", ["gatewayType"] = "stripe" }),
        new(EventTypes.SenderIdAdded, "A sender ID was added to the org: registered by a root, or added by a sub-org from its parent.",
            () => new JsonObject { ["senderId"] = "snd_0123456789abcdef0123", ["channel"] = "sms", ["address"] = "+447700900123", ["attachedFrom"] = null }),
        new(EventTypes.SenderIdUpdated, "A sender ID's description changed.",
            () => new JsonObject { ["senderId"] = "snd_0123456789abcdef0123", ["description"] = "UK support line" }),
        new(EventTypes.SenderIdRemoved, "A sender ID was removed from the org (removedWith names the ancestor whose cascaded removal took it).",
            () => new JsonObject { ["senderId"] = "snd_0123456789abcdef0123", ["channel"] = "sms", ["address"] = "+447700900123" }),
        new(EventTypes.IntegrationAdded, "An integration was added to the org (its settings' values and its secrets are never in an event).",
            () => new JsonObject { ["integrationId"] = "int_0123456789abcdef0123456789abcdef", ["type"] = "zendesk", ["description"] = "Support tickets",
                ["secretsSet"] = new JsonArray("apiToken") }),
        new(EventTypes.IntegrationUpdated, "An integration's description, settings or secrets changed (changed names which).",
            () => new JsonObject { ["integrationId"] = "int_0123456789abcdef0123456789abcdef", ["type"] = "zendesk", ["description"] = "Support tickets",
                ["secretsSet"] = new JsonArray("apiToken"), ["changed"] = new JsonArray("settings.subdomain", "secrets.apiToken") }),
        new(EventTypes.IntegrationRemoved, "An integration was removed from the org (its secrets with it).",
            () => new JsonObject { ["integrationId"] = "int_0123456789abcdef0123456789abcdef", ["type"] = "zendesk", ["description"] = "Support tickets",
                ["secretsSet"] = new JsonArray("apiToken") }),
        new(WebhookTest, "Sent on request by POST /webhooks/{id}/test, to that subscription only.",
            () => new JsonObject { ["subscriptionId"] = "wh_0123456789abcdef" }),
        new(WebhookDisabled, "A subscription of the org was disabled (its endpoint answered 410, or failed for 5 days).",
            () => new JsonObject { ["subscriptionId"] = "wh_0123456789abcdef", ["reason"] = "failing-5-days" }),
    ];

    public static bool IsKnown(string type) => Entries.Any(e => e.Type == type);
}
