using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// Every change made over HTTP writes exactly its events, <c>{ id, type, orgId, occurredAt, actor, data }</c>, in the
/// transaction of the change: when the transaction fails (stale ETag, name taken, storage failing) neither the change
/// nor an event is stored.
/// </summary>
public class EventOutboxTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EachChangeWritesExactlyItsEventsWithEveryField()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var rootId = root.Org.Id.Value;
        var key = signup.ApiKey.Secret;
        var actor = "apikey:" + signup.ApiKey.Id;
        var child = await orgs.Trees.ChildAsync(root);
        var grandchild = await orgs.Trees.ChildAsync(child);
        var leaf = await orgs.Trees.ChildAsync(child);
        var (c, g, l) = (child.Org.Id.Value, grandchild.Org.Id.Value, leaf.Org.Id.Value);
        var seen = (await OutboxReader.EventsAsync(orgs, rootId)).Select(e => e.Id).ToHashSet();

        async Task<(HttpAnswer Answer, List<DomainEvent> Events)> ChangeAsync(HttpMethod method, string path, object? body = null)
        {
            var before = DateTimeOffset.UtcNow;
            var answer = await HttpAnswer.SendAsync(app, AppHost.Request(method, path, key, body));
            var after = DateTimeOffset.UtcNow;
            var events = (await OutboxReader.EventsAsync(orgs, rootId)).Where(e => seen.Add(e.Id)).ToList();
            Assert.All(events, e =>
            {
                Assert.StartsWith("evt_", e.Id);
                Assert.Equal(actor, e.Actor);
                Assert.InRange(e.OccurredAt, before.AddSeconds(-1), after.AddSeconds(1));
                Assert.DoesNotContain(key, e.Data.ToJsonString());
            });
            return (answer, events);
        }
        static void AssertEvents(List<DomainEvent> events, params (string Type, string OrgId)[] expected) =>
            Assert.Equal(expected.Order(), events.Select(e => (e.Type, e.OrgId)).Order());

        var (patched, events) = await ChangeAsync(HttpMethod.Patch, $"api/orgs/{c}", new { description = "Sales" });
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        AssertEvents(events, (EventTypes.OrgUpdated, c));
        Assert.Equal("Sales", events[0].Data["changes"]!["description"]!["to"]!.GetValue<string>());

        (_, events) = await ChangeAsync(HttpMethod.Patch, $"api/orgs/{c}", new { description = "Sales" });
        AssertEvents(events); // the same value again changes nothing, so says nothing

        (_, events) = await ChangeAsync(HttpMethod.Patch, $"api/orgs/{c}/settings", new { loginAttempts = 9 });
        AssertEvents(events, (EventTypes.SettingsChanged, c), (EventTypes.SettingsChanged, g), (EventTypes.SettingsChanged, l));
        var own = events.Single(e => e.OrgId == c).Data["changes"]!["loginAttempts"]!;
        Assert.Equal((9, "overridden"), (own["to"]!.GetValue<int>(), own["source"]!.GetValue<string>()));
        Assert.Equal("inherited", events.Single(e => e.OrgId == g).Data["changes"]!["loginAttempts"]!["source"]!.GetValue<string>());

        (_, events) = await ChangeAsync(HttpMethod.Post, $"api/orgs/{c}/settings/reset", new { names = new[] { "loginAttempts" } });
        AssertEvents(events, (EventTypes.SettingsChanged, c), (EventTypes.SettingsChanged, g), (EventTypes.SettingsChanged, l));

        var (created, roleEvents) = await ChangeAsync(HttpMethod.Post, $"api/orgs/{c}/roles", new { name = "Auditor", permissions = new[] { Permission.ReportsRead } });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        AssertEvents(roleEvents, (EventTypes.RoleCreated, c));
        var roleId = created.Json.GetProperty("id").GetString()!;
        Assert.Equal(roleId, roleEvents[0].Data["roleId"]!.GetValue<string>());

        (_, events) = await ChangeAsync(HttpMethod.Put, $"api/orgs/{c}/roles/{roleId}", new { name = "Auditors", permissions = new[] { Permission.ReportsRead, Permission.OrgsRead } });
        AssertEvents(events, (EventTypes.RoleUpdated, c));
        Assert.Equal("Auditors", events[0].Data["name"]!.GetValue<string>());

        (_, events) = await ChangeAsync(HttpMethod.Delete, $"api/orgs/{c}/roles/{roleId}");
        AssertEvents(events, (EventTypes.RoleDeleted, c));

        var (issued, keyEvents) = await ChangeAsync(HttpMethod.Post, $"api/orgs/{c}/api-keys", new { name = "CI", roleId = SystemRoles.MemberId });
        Assert.Equal(HttpStatusCode.Created, issued.Status);
        AssertEvents(keyEvents, (EventTypes.ApiKeyCreated, c));
        var keyId = issued.Json.GetProperty("id").GetString()!;
        Assert.Equal(keyId, keyEvents[0].Data["keyId"]!.GetValue<string>());
        Assert.DoesNotContain(issued.Json.GetProperty("secret").GetString()!, keyEvents[0].Data.ToJsonString());

        (_, events) = await ChangeAsync(HttpMethod.Delete, $"api/orgs/{c}/api-keys/{keyId}");
        AssertEvents(events, (EventTypes.ApiKeyRevoked, c));
        (_, events) = await ChangeAsync(HttpMethod.Delete, $"api/orgs/{c}/api-keys/{keyId}");
        AssertEvents(events); // revoking a revoked key changes nothing

        (_, events) = await ChangeAsync(HttpMethod.Delete, $"api/orgs/{l}");
        AssertEvents(events, (EventTypes.OrgDeleted, l));
        var (refused, none) = await ChangeAsync(HttpMethod.Delete, $"api/orgs/{c}?cascade=false");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        AssertEvents(none);
        (_, events) = await ChangeAsync(HttpMethod.Delete, $"api/orgs/{c}?cascade=true");
        AssertEvents(events, (EventTypes.OrgDeleted, g), (EventTypes.OrgDeleted, c));
        Assert.Equal(c, events.Single(e => e.OrgId == g).Data["parentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AChangeRefusedByItsTransactionLeavesNeitherTheChangeNorAnEvent()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var rootId = root.Org.Id.Value;
        var key = signup.ApiKey.Secret;
        var taken = await orgs.Trees.ChildAsync(root, "Taken");
        var child = await orgs.Trees.ChildAsync(root);
        var role = await orgs.Trees.CustomRoleAsync(child, [Permission.OrgsRead], "Auditor");
        var stale = (await app.Client.SendAsync(AppHost.Request(HttpMethod.Get, $"api/orgs/{child.Org.Id}", key))).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app,
            AppHost.Request(HttpMethod.Patch, $"api/orgs/{child.Org.Id}", key, new { description = "moved on" }))).Status);
        var before = await PartitionSnapshot.TakeAsync(orgs, rootId);

        var staleRename = AppHost.Request(HttpMethod.Patch, $"api/orgs/{child.Org.Id}", key, new { name = "Fresh name" });
        staleRename.Headers.TryAddWithoutValidation("If-Match", stale);
        var answers = new[]
        {
            await HttpAnswer.SendAsync(app, staleRename),
            await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{child.Org.Id}", key, new { name = "taken" })),
            await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{child.Org.Id}/roles", key,
                new { name = "AUDITOR", permissions = new[] { Permission.ReportsRead } })),
        };

        Assert.Equal([HttpStatusCode.PreconditionFailed, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], answers.Select(a => a.Status));
        Assert.True(answers[1].Json.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, rootId));
        Assert.NotNull(taken);
        Assert.NotNull(role);
    }

    [Fact]
    public async Task WhenStorageFailsTheTransactionNoChangeAndNoEventIsStored()
    {
        var fault = new FailingBatchPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(fault, Azure.Core.HttpPipelinePosition.PerCall);
        await using var app = await AppHost.StartAsync(azurite,
            (services, _) => services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)));
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var rootId = root.Org.Id.Value;
        var key = signup.ApiKey.Secret;
        var child = await orgs.Trees.ChildAsync(root);
        var leaf = await orgs.Trees.ChildAsync(child, overrides: new Dictionary<string, object?> { ["locale"] = "de-DE" });
        var role = await orgs.Trees.CustomRoleAsync(child, [Permission.OrgsRead]);
        var memberKey = OrgTreeBuilder.KeyIdOf(await orgs.Trees.KeyAsync(child, SystemRoles.MemberId));
        await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{rootId}", key)); // lastUsedAt, once
        var before = await PartitionSnapshot.TakeAsync(orgs, rootId);
        var (c, l) = (child.Org.Id.Value, leaf.Org.Id.Value);
        var changes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Patch, $"api/orgs/{c}", new { name = "Renamed", description = "changed" }),
            (HttpMethod.Patch, $"api/orgs/{c}/settings", new { locale = "fr-FR" }),
            (HttpMethod.Post, $"api/orgs/{l}/settings/reset", new { names = new[] { "locale" } }),
            (HttpMethod.Post, $"api/orgs/{c}/roles", new { name = "New role", permissions = new[] { Permission.OrgsRead } }),
            (HttpMethod.Put, $"api/orgs/{c}/roles/{role}", new { name = "Changed role", permissions = new[] { Permission.OrgsRead } }),
            (HttpMethod.Delete, $"api/orgs/{c}/roles/{role}", null),
            (HttpMethod.Post, $"api/orgs/{c}/api-keys", new { name = "New key", roleId = SystemRoles.MemberId }),
            (HttpMethod.Delete, $"api/orgs/{c}/api-keys/{memberKey}", null),
            (HttpMethod.Delete, $"api/orgs/{l}", null),
            (HttpMethod.Delete, $"api/orgs/{c}?cascade=true", null),
        };

        fault.Arm();
        var failures = new List<string>();
        foreach (var (method, path, body) in changes)
        {
            var answer = await HttpAnswer.SendAsync(app, AppHost.Request(method, path, key, body));
            if (answer.Status != HttpStatusCode.InternalServerError || answer.Body.Contains("Injected", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path}: {answer}");
            }
        }
        fault.Disarm();

        Assert.Empty(failures);
        Assert.Equal(changes.Length, fault.Failed);
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, rootId));
        // And with storage back, the same change goes through with its event.
        var retried = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{c}", key, new { description = "changed" }));
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Single(await OutboxReader.EventsAsync(orgs, rootId), e => e.Type == EventTypes.OrgUpdated && e.OrgId == c);
    }
}
