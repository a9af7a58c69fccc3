using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users.Members;

/// <summary>Every bad request to the user routes is a problem+json 400 naming its fields, or a 404, with nothing written.</summary>
public class MemberBadInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task BadFieldsUnknownUsersAndAnotherTreesOrgAreRefusedWithNothingWritten()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var (otherRoot, otherSignup) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var rootId = root.Org.Id.Value;
        var unknownUser = "usr_" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.GetAsync(app, key, rootId, member.UserId)).Status);
        var before = await PartitionSnapshot.TakeAsync(orgs, rootId);
        var otherBefore = await PartitionSnapshot.TakeAsync(orgs, otherRoot.Org.Id.Value);

        var fields = new (object Body, string[] Fields)[]
        {
            (new { roleId = "role_doesnotexist" }, ["roleId"]),
            (new { roleId = "not a/role" }, ["roleId"]),
            (new { roleId = 7 }, ["roleId"]),
            (new { status = "deleted" }, ["status"]),
            (new { status = true }, ["status"]),
            (new { role = "admin", email = "x@example.com" }, ["email", "role"]),
            (new { status = "paused", extra = 1 }, ["extra", "status"]),
        };
        foreach (var (body, names) in fields)
        {
            var answer = await MembersHttp.PatchAsync(app, key, rootId, member.UserId, body);
            Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.ToString());
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Equal(names, answer.Json.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
        var malformed = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{rootId}/users/{member.UserId}", key, "{ not json"));
        var badListing = await MembersHttp.ListAsync(app, key, rootId, "?includeDescendants=yes");
        var missing = new[]
        {
            await MembersHttp.GetAsync(app, key, rootId, unknownUser),
            await MembersHttp.PatchAsync(app, key, rootId, unknownUser, new { status = "suspended" }),
            await MembersHttp.RemoveAsync(app, key, rootId, unknownUser),
            await MembersHttp.UnlockAsync(app, key, rootId, unknownUser),
            await MembersHttp.ListAsync(app, key, otherRoot.Org.Id.Value),
            await MembersHttp.GetAsync(app, key, otherRoot.Org.Id.Value, otherSignup.Owner.Id),
            await MembersHttp.PatchAsync(app, key, otherRoot.Org.Id.Value, otherSignup.Owner.Id, new { status = "suspended" }),
            await MembersHttp.RemoveAsync(app, key, otherRoot.Org.Id.Value, otherSignup.Owner.Id),
            await MembersHttp.UnlockAsync(app, key, otherRoot.Org.Id.Value, otherSignup.Owner.Id),
        };

        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.True(badListing.Status == HttpStatusCode.BadRequest, badListing.ToString());
        Assert.Equal(["includeDescendants"], badListing.Json.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.All(missing, a => Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (a.Status, a.MediaType)));
        Assert.Equal(before, await PartitionSnapshot.TakeAsync(orgs, rootId));
        Assert.Equal(otherBefore, await PartitionSnapshot.TakeAsync(orgs, otherRoot.Org.Id.Value));
    }
}
