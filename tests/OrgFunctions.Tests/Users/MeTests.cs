using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users;

/// <summary>GET /api/me: the user and each org they belong to, with role and status, skipping memberships and orgs that are gone.</summary>
public class MeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task MeListsEachLiveMembershipWithItsRoleAndMarksTheSessionsOrg()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (first, _) = await orgs.Trees.RootAsync();
        var (second, secondSignup) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(second);
        var (removed, _) = await orgs.Trees.RootAsync();
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(first.Org.Path, SystemRoles.MemberId, displayName: "Ada");
        await members.JoinAsync(member, second.Org.Path, SystemRoles.AdminId);
        await members.JoinAsync(member, child.Org.Path, SystemRoles.MemberId);
        var gone = await members.JoinAsync(member, removed.Org.Path, SystemRoles.MemberId);
        var token = await SignInHttp.TokenAsync(app, member);

        await app.Services.GetRequiredService<OrgTables>().Orgs.DeleteEntityAsync(removed.Org.Path.RootId.Value,
            RowKeys.Member(gone.Org, member.UserId));
        Assert.Equal(HttpStatusCode.NoContent, (await HttpAnswer.SendAsync(app,
            AppHost.Request(HttpMethod.Delete, $"api/orgs/{child.Org.Id}", secondSignup.ApiKey.Secret))).Status);
        var me = await SignInHttp.MeAsync(app, token);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        var user = me.Json.GetProperty("user");
        Assert.Equal(member.UserId, user.GetProperty("id").GetString());
        Assert.Equal(member.Email, user.GetProperty("email").GetString());
        Assert.Equal("Ada", user.GetProperty("displayName").GetString());
        var listed = me.Json.GetProperty("orgs").EnumerateArray()
            .Select(o => $"{o.GetProperty("id").GetString()} {o.GetProperty("roleId").GetString()} {o.GetProperty("status").GetString()} {o.GetProperty("current").GetBoolean()}")
            .Order().ToList();
        var expected = new[] { $"{first.Org.Id} member active True", $"{second.Org.Id} admin active False" }.Order();
        Assert.Equal(expected, listed);
    }
}
