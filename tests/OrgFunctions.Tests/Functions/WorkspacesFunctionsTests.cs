using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Workspaces;
using OrgFunctions.Orgs;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Workspaces;

namespace OrgFunctions.Tests.Functions;

/// <summary>/api/orgs/{orgId}/workspaces and their members over HTTP.</summary>
public sealed class WorkspacesFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _orgs = new(azurite);

    [Fact]
    public async Task ASignedUpAndAProvisionedOrgEachListTheirDefaultWorkspaceWhichCanBeRenamedButNotDeletedAsTheLast()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (rootId, key) = await app.SignUpAsync();
        var childId = await ProvisioningHttp.CreateChildAsync(app, key, rootId, new { name = "Child " + Guid.NewGuid().ToString("N")[..8] });

        foreach (var orgId in new[] { rootId, childId })
        {
            var listed = Assert.Single((await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/workspaces", key)).Json.GetProperty("items").EnumerateArray());
            Assert.Equal(("default", "Default workspace", true), (listed.GetProperty("id").GetString(), listed.GetProperty("name").GetString(),
                listed.GetProperty("isDefault").GetBoolean()));

            var renamed = await Send(app, HttpMethod.Patch, $"api/orgs/{orgId}/workspaces/default", key, new { name = "Front desk" });
            Assert.Equal(HttpStatusCode.OK, renamed.Status);
            Assert.Equal("Front desk", renamed.Json.GetProperty("name").GetString());

            var last = await Send(app, HttpMethod.Delete, $"api/orgs/{orgId}/workspaces/default", key);
            Assert.Equal(HttpStatusCode.Conflict, last.Status);
            Assert.Equal("application/problem+json", last.MediaType);
            Assert.Equal("Front desk", (await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/workspaces/default", key)).Json.GetProperty("name").GetString());
        }
        // The default's name was freed by the rename and the new one reserved.
        Assert.Equal(HttpStatusCode.Created, (await Send(app, HttpMethod.Post, $"api/orgs/{rootId}/workspaces", key, new { name = "Default workspace" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(app, HttpMethod.Post, $"api/orgs/{rootId}/workspaces", key, new { name = "front DESK" })).Status);
    }

    [Fact]
    public async Task NamesAreUniquePerOrgCaseInsensitivelyButFreeInAnotherOrg()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var (otherId, otherKey) = await app.SignUpAsync();

        var support = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/workspaces", key, new { name = "Support" });
        var again = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/workspaces", key, new { name = " SUPPORT " });
        var sales = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/workspaces", key, new { name = "Sales", description = "Leads" });
        var renamedOnto = await Send(app, HttpMethod.Patch, $"api/orgs/{orgId}/workspaces/{sales.Json.GetProperty("id").GetString()}", key,
            new { name = "sup\u200Bport" });
        var defaultAgain = await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/workspaces", key, new { name = "default WORKSPACE" });
        var elsewhere = await Send(app, HttpMethod.Post, $"api/orgs/{otherId}/workspaces", otherKey, new { name = "Support" });

        Assert.Equal(HttpStatusCode.Created, support.Status);
        Assert.Equal(HttpStatusCode.Created, sales.Status);
        Assert.Equal(HttpStatusCode.Created, elsewhere.Status);
        foreach (var refused in new[] { again, renamedOnto, defaultAgain })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal(["name"], refused.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
        Assert.Equal(["Default workspace", "Sales", "Support"],
            (await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/workspaces", key)).Json.GetProperty("items").EnumerateArray()
            .Select(w => w.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADefaultWorkspaceStoredWithoutAReservationStillHoldsItsName()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var path = root.Org.Path;
        // As sign-up stored it before workspace names were reserved.
        await _orgs.Tables.Orgs.DeleteEntityAsync(path.RootId.Value, RowKeys.WorkspaceName(path.OrgId, WorkspaceName.Create(Workspace.DefaultName)));

        var taken = await Send(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/workspaces", key, new { name = "DEFAULT workspace" });
        var renamed = await Send(app, HttpMethod.Patch, $"api/orgs/{root.Org.Id}/workspaces/default", key, new { name = "Lobby" });
        var freed = await Send(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/workspaces", key, new { name = "Default workspace" });

        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal(HttpStatusCode.Created, freed.Status);
    }

    [Fact]
    public async Task BadInputIs400NamingEachFieldAndWritesNothing()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(root.Org.Path);
        var orgId = root.Org.Id.Value;
        // The key's first use stamps its lastUsedAt: done before the snapshot.
        Assert.Equal(HttpStatusCode.OK, (await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/workspaces", key)).Status);
        var before = await PartitionSnapshot.TakeAsync(_orgs, orgId);

        var cases = new (HttpMethod Method, string Path, string Body, string[] Fields)[]
        {
            (HttpMethod.Post, "workspaces", """{"name":"","description":7,"color":"red"}""", ["color", "description", "name"]),
            (HttpMethod.Post, "workspaces", $$"""{"name":"{{new string('a', 101)}}"}""", ["name"]),
            (HttpMethod.Post, "workspaces", $$"""{"name":"ok","description":"{{new string('d', 1001)}}"}""", ["description"]),
            (HttpMethod.Post, "workspaces", """{"name":"bidi\u202Eevil"}""", ["name"]),
            (HttpMethod.Post, "workspaces", """{}""", ["name"]),
            (HttpMethod.Patch, "workspaces/default", """{"name":"  ","isDefault":false}""", ["isDefault", "name"]),
            (HttpMethod.Put, $"workspaces/default/members/{member.UserId}", """{"accessLevel":"admin","note":1}""", ["accessLevel", "note"]),
            (HttpMethod.Put, $"workspaces/default/members/{member.UserId}", """{"accessLevel":"Owner"}""", ["accessLevel"]),
            (HttpMethod.Put, $"workspaces/default/members/{member.UserId}", """{}""", ["accessLevel"]),
        };
        foreach (var (method, path, body, fields) in cases)
        {
            var answer = await Send(app, method, $"api/orgs/{orgId}/{path}", key, body);
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{method} {path} {body}: {answer}");
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Equal(fields, answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }
        // Malformed ids name nothing (ADR 0015): 404, never read.
        var malformed = new (HttpMethod Method, string Path, string Body)[]
        {
            (HttpMethod.Patch, "workspaces/bad%20id", """{"name":"x"}"""),
            (HttpMethod.Delete, "workspaces/bad%2Cid", ""),
            (HttpMethod.Put, "workspaces/default/members/bad%20id", """{"accessLevel":"agent"}"""),
            (HttpMethod.Put, $"workspaces/{new string('w', 65)}/members/{member.UserId}", """{"accessLevel":"agent"}"""),
        };
        foreach (var (method, path, body) in malformed)
        {
            var answer = await Send(app, method, $"api/orgs/{orgId}/{path}", key, body.Length == 0 ? null : body);
            Assert.True(answer.Status == HttpStatusCode.NotFound && answer.MediaType == "application/problem+json", $"{method} {path}: {answer}");
        }

        Assert.Equal(before, await PartitionSnapshot.TakeAsync(_orgs, orgId));
    }

    [Fact]
    public async Task AMemberOfTheOrgIsAddedChangedListedAndRemovedWithEvents()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, displayName: "Ana");
        var path = $"api/orgs/{root.Org.Id}/workspaces/default/members";

        var added = await Send(app, HttpMethod.Put, $"{path}/{member.UserId}", key, new { accessLevel = "agent" });
        var changed = await Send(app, HttpMethod.Put, $"{path}/{member.UserId}", key, new { accessLevel = "manager" });
        var same = await Send(app, HttpMethod.Put, $"{path}/{member.UserId}", key, new { accessLevel = "manager" });
        var listed = Assert.Single((await Send(app, HttpMethod.Get, path, key)).Json.GetProperty("items").EnumerateArray());
        var removed = await Send(app, HttpMethod.Delete, $"{path}/{member.UserId}", key);
        var again = await Send(app, HttpMethod.Delete, $"{path}/{member.UserId}", key);
        var after = (await Send(app, HttpMethod.Get, path, key)).Json.GetProperty("items");

        Assert.Equal((HttpStatusCode.Created, "agent"), (added.Status, added.Json.GetProperty("accessLevel").GetString()));
        Assert.Equal((HttpStatusCode.OK, "manager"), (changed.Status, changed.Json.GetProperty("accessLevel").GetString()));
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Equal((member.UserId, member.Email, "Ana", "manager"), (listed.GetProperty("userId").GetString(),
            listed.GetProperty("email").GetString(), listed.GetProperty("displayName").GetString(), listed.GetProperty("accessLevel").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(0, after.GetArrayLength());
        var events = (await OutboxReader.EventsAsync(_orgs, root.Org.Id.Value)).Where(e => e.Type.StartsWith("workspace.", StringComparison.Ordinal)).ToList();
        Assert.Equal([EventTypes.WorkspaceMemberAdded, EventTypes.WorkspaceMemberChanged, EventTypes.WorkspaceMemberRemoved], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(member.UserId, e.Data["userId"]!.GetValue<string>()));
        Assert.False((await _orgs.Tables.Orgs.GetEntityIfExistsAsync<TableEntity>(root.Org.Id.Value,
            RowKeys.UserWorkspace(root.Org.Id, member.UserId, "default"))).HasValue);
    }

    [Fact]
    public async Task OnlyAMemberOfTheOrgItselfCanBeAddedAndARefusalWritesNothing()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var child = await _orgs.Trees.ChildAsync(root);
        var sibling = await _orgs.Trees.ChildAsync(root);
        var (otherRoot, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var created = await Send(app, HttpMethod.Post, $"api/orgs/{child.Org.Id}/workspaces", key, new { name = "Desk" });
        var workspaceId = created.Json.GetProperty("id").GetString();
        var outsiders = new[]
        {
            (await members.AddAsync(root.Org.Path)).UserId,         // of the parent org only
            (await members.AddAsync(sibling.Org.Path)).UserId,      // of a sibling
            (await members.AddAsync(otherRoot.Org.Path)).UserId,    // of another tree
            "usr_" + Guid.NewGuid().ToString("N"),                  // no user at all
        };
        var before = await PartitionSnapshot.TakeAsync(_orgs, root.Org.Id.Value);

        foreach (var userId in outsiders)
        {
            var answer = await Send(app, HttpMethod.Put, $"api/orgs/{child.Org.Id}/workspaces/{workspaceId}/members/{userId}", key, new { accessLevel = "owner" });
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal("No user in this org with that id.", answer.Json.GetProperty("detail").GetString());
        }

        Assert.Equal(before, await PartitionSnapshot.TakeAsync(_orgs, root.Org.Id.Value));
        var insider = await members.AddAsync(child.Org.Path);
        Assert.Equal(HttpStatusCode.Created, (await Send(app, HttpMethod.Put,
            $"api/orgs/{child.Org.Id}/workspaces/{workspaceId}/members/{insider.UserId}", key, new { accessLevel = "owner" })).Status);
    }

    [Fact]
    public async Task AParentsAdminManagesAChildsWorkspacesWhileASiblingOrAnAncestorIs404()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var child = await _orgs.Trees.ChildAsync(root);
        var sibling = await _orgs.Trees.ChildAsync(root);
        var rootAdmin = await _orgs.Trees.KeyAsync(root, SystemRoles.AdminId);
        var childAdmin = await _orgs.Trees.KeyAsync(child, SystemRoles.AdminId);
        var member = await new MemberBuilder(app.Services).AddAsync(child.Org.Path);

        var created = await Send(app, HttpMethod.Post, $"api/orgs/{child.Org.Id}/workspaces", rootAdmin, new { name = "Managed from above" });
        var workspaceId = created.Json.GetProperty("id").GetString();
        var added = await Send(app, HttpMethod.Put, $"api/orgs/{child.Org.Id}/workspaces/{workspaceId}/members/{member.UserId}", rootAdmin,
            new { accessLevel = "manager" });
        var missing = await Send(app, HttpMethod.Get, $"api/orgs/{Domain.Orgs.OrgId.New()}/workspaces", childAdmin);
        var ancestor = await Send(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/workspaces", childAdmin);
        var siblings = await Send(app, HttpMethod.Post, $"api/orgs/{sibling.Org.Id}/workspaces", childAdmin, new { name = "Intruder" });
        var ancestorsMembers = await Send(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/workspaces/default/members", childAdmin);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(missing.Body, ancestor.Body);
        Assert.Equal(missing.Body, siblings.Body);
        Assert.Equal(missing.Body, ancestorsMembers.Body);
        Assert.Equal(workspaceId, Assert.Single((await Send(app, HttpMethod.Get, $"api/orgs/{child.Org.Id}/workspaces", childAdmin)).Json
            .GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AWorkspaceOwnerWhoseOrgRoleIsMemberGainsNoOrgPermission()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(root.Org.Path, SystemRoles.MemberId);
        var orgId = root.Org.Id.Value;
        Assert.Equal(HttpStatusCode.Created, (await Send(app, HttpMethod.Put, $"api/orgs/{orgId}/workspaces/default/members/{member.UserId}", key,
            new { accessLevel = "owner" })).Status);
        var session = await members.SessionAsync(member);

        var reads = await Send(app, HttpMethod.Get, $"api/orgs/{orgId}/workspaces/default/members", session);
        var refused = new[]
        {
            await Send(app, HttpMethod.Patch, $"api/orgs/{orgId}", session, new { description = "Mine now" }),
            await Send(app, HttpMethod.Patch, $"api/orgs/{orgId}/workspaces/default", session, new { name = "Mine now" }),
            await Send(app, HttpMethod.Post, $"api/orgs/{orgId}/workspaces", session, new { name = "Mine too" }),
            await Send(app, HttpMethod.Put, $"api/orgs/{orgId}/workspaces/default/members/{member.UserId}", session, new { accessLevel = "agent" }),
            await Send(app, HttpMethod.Delete, $"api/orgs/{orgId}/workspaces/default/members/{member.UserId}", session),
        };

        Assert.Equal(HttpStatusCode.OK, reads.Status);
        Assert.All(refused, answer => Assert.Equal(HttpStatusCode.Forbidden, answer.Status));
        Assert.Equal("owner", Assert.Single(reads.Json.GetProperty("items").EnumerateArray()).GetProperty("accessLevel").GetString());
    }

    [Fact]
    public async Task DeletingAWorkspaceDeletesEveryMembersAccessEvenPastOneTransaction()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var path = root.Org.Path;
        var partition = path.RootId.Value;
        foreach (var count in new[] { 2, 60 })
        {
            var created = await Send(app, HttpMethod.Post, $"api/orgs/{root.Org.Id}/workspaces", key, new { name = $"Crowd of {count}" });
            var workspaceId = created.Json.GetProperty("id").GetString()!;
            var write = new PartitionWrite(partition);
            for (var i = 0; i < count; i++)
            {
                var row = WorkspaceRow.Member(path, workspaceId, $"usr_{i:D4}", AccessLevel.Agent, $"u{i}@example.com", "U", DateTimeOffset.UtcNow);
                write.Each([new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, WorkspaceRow.OfUser(row, path))]);
            }
            await write.SubmitAsync(_orgs.Tables, default);
            Assert.Equal(count, (await Send(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/workspaces/{workspaceId}/members", key)).Json
                .GetProperty("items").GetArrayLength());

            var deleted = await Send(app, HttpMethod.Delete, $"api/orgs/{root.Org.Id}/workspaces/{workspaceId}", key);

            Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
            var left = new List<string>();
            await foreach (var row in _orgs.Tables.Orgs.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and WorkspaceId eq {workspaceId}")))
            {
                left.Add(row.RowKey);
            }
            Assert.Empty(left);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Send(app, HttpMethod.Get, $"api/orgs/{root.Org.Id}/workspaces/ws_gone/members", key)).Status);
    }

    [Fact]
    public async Task AnOrgWithWorkspacesAndMembersIsDeletedAndItsWorkspacesAreThen404()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var child = await _orgs.Trees.ChildAsync(root);
        var member = await new MemberBuilder(app.Services).AddAsync(child.Org.Path);
        var created = await Send(app, HttpMethod.Post, $"api/orgs/{child.Org.Id}/workspaces", key, new { name = "Doomed" });
        var workspaceId = created.Json.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await Send(app, HttpMethod.Put,
            $"api/orgs/{child.Org.Id}/workspaces/{workspaceId}/members/{member.UserId}", key, new { accessLevel = "agent" })).Status);

        var deleted = await Send(app, HttpMethod.Delete, $"api/orgs/{child.Org.Id}", key);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(app, HttpMethod.Get, $"api/orgs/{child.Org.Id}/workspaces", key)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(app, HttpMethod.Get, $"api/orgs/{child.Org.Id}/workspaces/{workspaceId}/members", key)).Status);
    }

    [Fact]
    public async Task EveryAnswerOfTheWorkspaceRoutesMatchesTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await _orgs.Trees.RootAsync();
        var key = await _orgs.Trees.KeyAsync(root);
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path);
        var list = $"api/orgs/{root.Org.Id}/workspaces";
        const string One = "/orgs/{orgId}/workspaces/{workspaceId}";
        const string Members = One + "/members";
        const string Access = Members + "/{userId}";

        var created = await Conforms(app, HttpMethod.Post, list, key, new { name = "Documented", description = "As the document says" },
            HttpStatusCode.Created, "/orgs/{orgId}/workspaces");
        var workspace = $"{list}/{created.GetProperty("id").GetString()}";
        await Conforms(app, HttpMethod.Get, list, key, null, HttpStatusCode.OK, "/orgs/{orgId}/workspaces");
        await Conforms(app, HttpMethod.Post, list, key, new { name = "documented" }, HttpStatusCode.BadRequest, "/orgs/{orgId}/workspaces");
        await Conforms(app, HttpMethod.Get, workspace, key, null, HttpStatusCode.OK, One);
        await Conforms(app, HttpMethod.Patch, workspace, key, new { description = (string?)null }, HttpStatusCode.OK, One);
        await Conforms(app, HttpMethod.Put, $"{workspace}/members/{member.UserId}", key, new { accessLevel = "manager" }, HttpStatusCode.Created, Access);
        await Conforms(app, HttpMethod.Put, $"{workspace}/members/{member.UserId}", key, new { accessLevel = "owner" }, HttpStatusCode.OK, Access);
        await Conforms(app, HttpMethod.Put, $"{workspace}/members/usr_nobody", key, new { accessLevel = "owner" }, HttpStatusCode.NotFound, Access);
        await Conforms(app, HttpMethod.Get, $"{workspace}/members", key, null, HttpStatusCode.OK, Members);
        await Conforms(app, HttpMethod.Delete, $"{workspace}/members/{member.UserId}", key, null, HttpStatusCode.NoContent, Access);
        await Conforms(app, HttpMethod.Delete, workspace, key, null, HttpStatusCode.NoContent, One);
        await Conforms(app, HttpMethod.Delete, $"{list}/default", key, null, HttpStatusCode.Conflict, One);
    }

    private static async Task<JsonElement> Conforms(AppHost app, HttpMethod method, string path, string key, object? body, HttpStatusCode status,
        string documented)
    {
        using var response = await app.Client.SendAsync(AppHost.Request(method, path, key, body));
        Assert.True(response.StatusCode == status, $"{method} {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await OpenApi.DocumentedResponses.AssertConformsAsync(response, documented, method.Method.ToLowerInvariant()) ?? default;
    }

    private static Task<HttpAnswer> Send(AppHost app, HttpMethod method, string path, string key, object? body = null) =>
        HttpAnswer.SendAsync(app, AppHost.Request(method, path, key, body));
}
