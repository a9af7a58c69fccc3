using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users.Members;

/// <summary>Removing a user from an org, over HTTP, ends their workspace access there and nowhere else.</summary>
public sealed class MemberRemovalTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RemovingAUserFromAnOrgRemovesTheirWorkspaceAccessThereOnly()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var leaving = await members.AddAsync(child.Org.Path);
        await members.JoinAsync(leaving, root.Org.Path);
        var desks = new Dictionary<string, string>();
        foreach (var org in new[] { child.Org.Id.Value, root.Org.Id.Value })
        {
            var desk = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{org}/workspaces", key, new { name = "Front desk" }));
            Assert.Equal(HttpStatusCode.Created, desk.Status);
            desks[org] = desk.Json.GetProperty("id").GetString()!;
            var given = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Put,
                $"api/orgs/{org}/workspaces/{desks[org]}/members/{leaving.UserId}", key, new { accessLevel = "agent" }));
            Assert.Equal(HttpStatusCode.Created, given.Status);
        }

        var removed = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete, $"api/orgs/{child.Org.Id}/users/{leaving.UserId}", key));
        var childDesk = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{child.Org.Id}/workspaces/{desks[child.Org.Id.Value]}/members", key));
        var rootDesk = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}/workspaces/{desks[root.Org.Id.Value]}/members", key));

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(HttpStatusCode.OK, childDesk.Status);
        Assert.DoesNotContain(leaving.UserId, childDesk.Body);
        Assert.Contains(leaving.UserId, rootDesk.Body);
    }
}
