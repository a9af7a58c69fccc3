using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users;

/// <summary>A session acts with its membership's role in its org, over HTTP, and stops at once when it ends.</summary>
public class SessionAuthenticatorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ASessionActsWithTheMembershipsRoleInItsOrgAndItsSubtreeOnly()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var sibling = await orgs.Trees.ChildAsync(root);
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(child.Org.Path, SystemRoles.MemberId);
        var token = await members.SessionAsync(member);

        var own = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{child.Org.Id}", token));
        var patch = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{child.Org.Id}", token, new { description = "x" }));
        var parent = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}", token));
        var other = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{sibling.Org.Id}", token));

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(HttpStatusCode.Forbidden, patch.Status);
        Assert.Equal(HttpStatusCode.NotFound, parent.Status);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
    }

    [Fact]
    public async Task ASessionOfADeletedOrgIsRefusedAsExpired()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var rootKey = await orgs.Trees.KeyAsync(root);
        var child = await orgs.Trees.ChildAsync(root);
        var members = new MemberBuilder(app.Services);
        var token = await members.SessionAsync(await members.AddAsync(child.Org.Path, SystemRoles.AdminId));

        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{child.Org.Id}", token))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete, $"api/orgs/{child.Org.Id}", rootKey))).Status);
        var after = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{child.Org.Id}", token));

        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal("https://orgfunctions.dev/problems/session-expired", after.Json.GetProperty("type").GetString());
    }
}
