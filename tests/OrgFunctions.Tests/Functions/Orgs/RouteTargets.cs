using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Blocklist;
using OrgFunctions.Domain.Blocklist;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.SmartPhrases;
using OrgFunctions.Domain.Templates;
using OrgFunctions.Domain.Webhooks;
using OrgFunctions.Domain.Workspaces;
using OrgFunctions.Orgs;
using OrgFunctions.SmartPhrases;
using OrgFunctions.Storage;
using OrgFunctions.Templates;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Webhooks;
using OrgFunctions.Workspaces;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// Gives a route target what the feature routes of <see cref="OrgRoutes"/> name. The template, the subscription and its
/// delivery, the blocklist entry, the smart phrase, the sender ID, the integration and the workspaces (and a member to give access) are
/// written straight to storage (no events, as for the custom role and the key), so an org that must stay
/// untouched by a sweep has no event naming it; the provisioning is a real one, through the API, whose child is deleted
/// once it is done so the org keeps its shape (a leaf stays a leaf).
/// </summary>
public static class RouteTargets
{
    /// <summary>Loopback over http: allowed by local.settings.sample.json (Webhooks:AllowHttp, Webhooks:AllowLoopback), never listening.</summary>
    public const string WebhookUrl = "http://127.0.0.1:9/hooks";

    /// <summary>Only sent by POST .../test, so the sweeps' other changes queue no deliveries.</summary>
    public const string WebhookEvent = WebhookEventCatalog.WebhookTest;

    /// <param name="ownerKey">A key with <c>orgs.manage</c> on <paramref name="org"/> (the provisioning is started with it).</param>
    public static async Task<RouteTarget> WithFeaturesAsync(this RouteTarget target, AppHost app, OrgApp orgs, OrgRecord org, string ownerKey)
    {
        var path = org.Org.Path;
        var template = MessageTemplate.Create("tpl_" + Guid.NewGuid().ToString("N")[..20], TemplateName.Create("route_" + Guid.NewGuid().ToString("N")[..8]),
            TemplateLanguage.Create("en"), TemplateCategory.Utility, TemplateBody.Create("Hello {{1}}."));
        await orgs.Tables.Orgs.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, TemplateRow.Create(path, template)),
            new(TableTransactionActionType.Add, TemplateRow.NameReservation(path, template)),
        ]);

        var now = DateTimeOffset.UtcNow;
        var subscription = new WebhookSubscription
        {
            Id = WebhookSubscription.NewId(),
            OrgPath = path,
            Url = EndpointUrl.Parse(WebhookUrl, allowHttp: true),
            Selection = new EventSelection([WebhookEvent], IncludeDescendants: false),
            Secret = WebhookSecret.Generate(),
            CreatedAt = now,
        };
        await app.Services.GetRequiredService<SubscriptionStore>().AddAsync(subscription, default);
        var test = new DomainEvent("evt_" + Guid.NewGuid().ToString("N"), WebhookEvent, path.OrgId.Value, now, "test",
            new JsonObject { ["subscriptionId"] = subscription.Id });
        var delivery = await app.Services.GetRequiredService<DeliveryLog>().AddOrGetAsync(Deliveries.For(test, subscription, now), default);

        var data = app.Services.GetRequiredService<OrgDataTables>();
        await data.EnsureCreatedAsync();
        var blocked = $"blocked.{Guid.NewGuid().ToString("N")[..8]}@example.com";
        await data.Blocklist.AddEntityAsync(BlocklistRow.Create(path.OrgId.Value, new BlockEntry(Channel.Email, blocked, "Route table", null, now, "api")));
        var phrase = new SmartPhrase(SmartPhrase.NewId(), "route" + Guid.NewGuid().ToString("N")[..8], "Hello from the route table.", ["routes"]);
        await data.SmartPhrases.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, SmartPhraseRow.Phrase(path.OrgId.Value, phrase, now)),
            new(TableTransactionActionType.Add, SmartPhraseRow.Shortcut(path.OrgId.Value, phrase)),
        ]);

        // The org's default workspace (as sign-up and provisioning make it) and one to delete, with a member of the org to add.
        var workspace = Workspace.Create(Workspace.NewId(), WorkspaceName.Create("Route " + Guid.NewGuid().ToString("N")[..8]), null, now);
        await orgs.Tables.Orgs.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertReplace, WorkspaceEntity.Default(path, now)),
            new(TableTransactionActionType.UpsertReplace, WorkspaceRow.NameReservation(path, Workspace.Default(now))),
            new(TableTransactionActionType.Add, WorkspaceRow.Create(path, workspace)),
            new(TableTransactionActionType.Add, WorkspaceRow.NameReservation(path, workspace)),
        ]);
        var member = await new MemberBuilder(app.Services).AddAsync(path);
        var sender = Domain.SenderIds.SenderId.Register(Domain.SenderIds.SenderId.NewId(),
            Domain.SenderIds.SenderAddress.Create(Domain.SenderIds.SenderChannel.Email, $"held.{Guid.NewGuid().ToString("N")[..8]}@example.com"), null);
        await orgs.Tables.Orgs.AddEntityAsync(OrgFunctions.SenderIds.SenderIdRow.Create(path, sender));
        var integration = new Domain.Integrations.Integration(Domain.Integrations.Integration.NewId(), Domain.Integrations.IntegrationCatalog.Typeform,
            null, new JsonObject { ["formId"] = "routes" }, new HashSet<string> { "personalAccessToken" });
        var sealedSecrets = app.Services.GetRequiredService<OrgFunctions.Integrations.IntegrationSecretBox>()
            .Seal(new Dictionary<string, string> { ["personalAccessToken"] = "route-table" });
        await orgs.Tables.Orgs.AddEntityAsync(OrgFunctions.Integrations.IntegrationRow.Create(path, integration, sealedSecrets, now, now));

        var started = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{path.OrgId}/children", ownerKey,
            new { name = "Provisioned " + Guid.NewGuid().ToString("N")[..8] }));
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        await DeleteProvisionedChildAsync(app, ownerKey, started);

        return target with
        {
            TemplateId = template.Id,
            WebhookId = subscription.Id,
            DeliveryId = delivery.DeliveryId,
            InstanceId = started.Json.GetProperty("id").GetString()!,
            BlockedChannel = "email",
            BlockedIdentifier = blocked,
            SmartPhraseId = phrase.Id,
            WorkspaceId = workspace.Id,
            MemberUserId = member.UserId,
            SenderId = sender.Id,
            IntegrationId = integration.Id,
        };
    }

    /// <summary>Waits for the provisioning a 202 started and deletes the org it made.</summary>
    public static async Task DeleteProvisionedChildAsync(AppHost app, string apiKey, HttpAnswer accepted)
    {
        var status = await ProvisioningHttp.WaitAsync(app, apiKey, accepted.Json.GetProperty("id").GetString()!);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        var deleted = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete,
            $"api/orgs/{accepted.Json.GetProperty("orgId").GetString()}", apiKey));
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
    }
}
