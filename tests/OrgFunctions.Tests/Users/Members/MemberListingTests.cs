using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users.Members;

/// <summary>
/// <c>GET /orgs/{orgId}/users</c> and <c>/users/{userId}</c>: a parent's administrators see a child's members (and the
/// whole subtree's with <c>includeDescendants</c>), a child's never see their parent's or a sibling's, pages follow.
/// </summary>
public class MemberListingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AParentsAdminListsAChildsMembersAndWithDescendantsTheSubtreesEachWithItsOrg()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var grandchild = await orgs.Trees.ChildAsync(child);
        var members = new MemberBuilder(app.Services);
        var admin = await members.AddAsync(root.Org.Path, SystemRoles.AdminId, displayName: "Root admin");
        var inChild = await members.AddAsync(child.Org.Path, SystemRoles.MemberId, displayName: "Child member");
        var inGrandchild = await members.AddAsync(grandchild.Org.Path, SystemRoles.UserAdminId);
        var token = await members.SessionAsync(admin);

        var own = await MembersHttp.ListAsync(app, token, child.Org.Id.Value);
        var subtree = await MembersHttp.ListAsync(app, token, child.Org.Id.Value, "?includeDescendants=true");
        var rootOnly = await MembersHttp.ListAsync(app, token, root.Org.Id.Value);

        Assert.Equal(HttpStatusCode.OK, own.Status);
        var item = Assert.Single(own.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(inChild.UserId, item.GetProperty("id").GetString());
        Assert.Equal(child.Org.Id.Value, item.GetProperty("orgId").GetString());
        Assert.Equal(inChild.Email, item.GetProperty("email").GetString());
        Assert.Equal("Child member", item.GetProperty("displayName").GetString());
        Assert.Equal(SystemRoles.MemberId, item.GetProperty("roleId").GetString());
        Assert.Equal("active", item.GetProperty("status").GetString());
        Assert.False(item.GetProperty("locked").GetBoolean());
        Assert.True(item.TryGetProperty("joinedAt", out _));
        Assert.Equal(
            [(inChild.UserId, child.Org.Id.Value), (inGrandchild.UserId, grandchild.Org.Id.Value)],
            subtree.Json.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetString(), i.GetProperty("orgId").GetString())));
        Assert.Equal(new[] { admin.UserId, signup.Owner.Id }.Order(StringComparer.Ordinal),
            rootOnly.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AChildsAdminGets404ForItsParentsAndASiblingsMembers()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var sibling = await orgs.Trees.ChildAsync(root);
        var members = new MemberBuilder(app.Services);
        var admin = await members.AddAsync(child.Org.Path, SystemRoles.AdminId);
        var inSibling = await members.AddAsync(sibling.Org.Path);
        var token = await members.SessionAsync(admin);

        var answers = new[]
        {
            await MembersHttp.ListAsync(app, token, root.Org.Id.Value),
            await MembersHttp.ListAsync(app, token, sibling.Org.Id.Value),
            await MembersHttp.GetAsync(app, token, root.Org.Id.Value, signup.Owner.Id),
            await MembersHttp.GetAsync(app, token, sibling.Org.Id.Value, inSibling.UserId),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.All(answers, a => Assert.Equal("application/problem+json", a.MediaType));
        Assert.Equal(HttpStatusCode.OK, (await MembersHttp.GetAsync(app, token, child.Org.Id.Value, admin.UserId)).Status);
    }

    [Fact]
    public async Task GetAnswersTheMembershipWithItsETagAnd404WhenTheUserIsNoMemberOfThatOrg()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(root.Org.Path, SystemRoles.MemberId);

        var found = await MembersHttp.GetAsync(app, key, root.Org.Id.Value, member.UserId);
        var elsewhere = await MembersHttp.GetAsync(app, key, child.Org.Id.Value, member.UserId);
        var unknown = await MembersHttp.GetAsync(app, key, root.Org.Id.Value, "usr_" + Guid.NewGuid().ToString("N"));
        var malformed = await MembersHttp.GetAsync(app, key, root.Org.Id.Value, "not..a user");

        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal(member.UserId, found.Json.GetProperty("id").GetString());
        Assert.Equal((await members.MembershipAsync(member))!.ETag.ToString(), found.ETag);
        Assert.All([elsewhere, unknown, malformed], a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
    }

    [Fact]
    public async Task PagesFollowMaxPerPageAndTheContinuationTokenOverTheSubtree()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var expected = new List<string> { signup.Owner.Id };
        for (var i = 0; i < 3; i++)
        {
            expected.Add((await members.AddAsync(root.Org.Path)).UserId);
            expected.Add((await members.AddAsync(child.Org.Path)).UserId);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = "?includeDescendants=true&maxPerPage=3" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await MembersHttp.ListAsync(app, key, root.Org.Id.Value, query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var items = page.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
            Assert.True(items.Count <= 3);
            seen.AddRange(items);
            token = page.Json.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.True(pages >= 3, $"{pages} pages");
    }
}
