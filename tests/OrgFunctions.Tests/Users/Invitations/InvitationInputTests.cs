using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Users;
using static OrgFunctions.Tests.Users.Invitations.InvitationHttp;

namespace OrgFunctions.Tests.Users.Invitations;

/// <summary>Every refused invitation or accept is a problem+json answer and writes nothing: not in the tree, not in the index.</summary>
public class InvitationInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static readonly TheoryData<string, object> BadInvitations = new()
    {
        { "roleId", new { email = "ada@example.com", roleId = "no-such-role" } },
        { "email", new { email = "not an email", roleId = "member" } },
        { "email", new { email = "Ada <ada@example.com>", roleId = "member" } },
        { "expiresInDays", new { email = "ada@example.com", roleId = "member", expiresInDays = 0 } },
        { "expiresInDays", new { email = "ada@example.com", roleId = "member", expiresInDays = 31 } },
        { "roleId", new { email = "ada@example.com" } },
        { "tokens", new { email = "ada@example.com", roleId = "member", tokens = 1 } },
    };

    [Theory]
    [MemberData(nameof(BadInvitations))]
    public async Task ABadInvitationIsA400NamingTheFieldAndWritesNothing(string field, object body)
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        await WarmAsync(app, root.Org.Id.Value, key);
        var before = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);

        var answer = await InviteAsync(app, root.Org.Id.Value, key, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty(field, out _), answer.ToString());
        Assert.Empty(Changed(before, await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value)));
    }

    [Fact]
    public async Task AnotherTreesOrgAndASiblingAre404AndWriteNothing()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var (otherRoot, _) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var sibling = await orgs.Trees.ChildAsync(root);
        var childKey = await orgs.Trees.KeyAsync(child);
        await WarmAsync(app, child.Org.Id.Value, childKey);
        var body = new { email = $"ada-{Guid.NewGuid():N}@example.com", roleId = "member" };
        var before = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);
        var otherBefore = await PartitionSnapshot.TakeAsync(orgs, otherRoot.Org.Id.Value);

        var otherTree = await InviteAsync(app, otherRoot.Org.Id.Value, childKey, body);
        var toSibling = await InviteAsync(app, sibling.Org.Id.Value, childKey, body);
        var listSibling = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{sibling.Org.Id}/invitations", childKey));

        Assert.Equal(HttpStatusCode.NotFound, otherTree.Status);
        Assert.Equal(HttpStatusCode.NotFound, toSibling.Status);
        Assert.Equal(HttpStatusCode.NotFound, listSibling.Status);
        Assert.Equal("application/problem+json", toSibling.MediaType);
        Assert.Empty(Changed(before, await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value)));
        Assert.Empty(Changed(otherBefore, await PartitionSnapshot.TakeAsync(orgs, otherRoot.Org.Id.Value)));
    }

    [Fact]
    public async Task ACallerCantInviteWithARoleHoldingAPermissionItLacks()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var userAdminKey = await orgs.Trees.KeyAsync(root, SystemRoles.UserAdminId);
        await WarmAsync(app, root.Org.Id.Value, userAdminKey);
        var before = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);

        var answer = await InviteAsync(app, root.Org.Id.Value, userAdminKey, new { email = "ada@example.com", roleId = SystemRoles.AdminId });
        var afterRefusal = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);
        var allowed = await InviteAsync(app, root.Org.Id.Value, userAdminKey, new { email = "ada@example.com", roleId = SystemRoles.UserAdminId });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        var named = answer.Json.GetProperty("detail").GetString()!.Split('\'')[1];
        Assert.Contains(named, SystemRoles.Create().Single(r => r.Id == SystemRoles.AdminId).Permissions);
        Assert.DoesNotContain(named, SystemRoles.Create().Single(r => r.Id == SystemRoles.UserAdminId).Permissions);
        Assert.Empty(Changed(before, afterRefusal));
        Assert.Equal(HttpStatusCode.Created, allowed.Status);
    }

    [Fact]
    public async Task AWeakPasswordIsA400NamingItAndMakesNoAccount()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var invitation = await InvitedAsync(app, root.Org.Id.Value, key);
        await WarmAsync(app, root.Org.Id.Value, key);
        var before = await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value);

        var tooShort = await AcceptAsync(app, invitation.Token, new { displayName = "Ada", password = "short" });
        var theEmail = await AcceptAsync(app, invitation.Token, new { displayName = "Ada", password = invitation.Email });
        var noName = await AcceptAsync(app, invitation.Token, new { password = "a long enough passphrase" });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.True(tooShort.Json.GetProperty("errors").TryGetProperty("password", out _), tooShort.ToString());
        Assert.True(theEmail.Json.GetProperty("errors").TryGetProperty("password", out _), theEmail.ToString());
        Assert.True(noName.Json.GetProperty("errors").TryGetProperty("displayName", out _), noName.ToString());
        Assert.Empty(Changed(before, await PartitionSnapshot.TakeAsync(orgs, root.Org.Id.Value)));
        Assert.Null(await app.Services.GetRequiredService<UserStore>().FindByEmailAsync(EmailAddress.Create(invitation.Email), default));
        Assert.Equal(HttpStatusCode.OK, (await PreviewAsync(app, invitation.Token)).Status);
    }

    [Fact]
    public async Task AMalformedOrUnknownTokenIs404()
    {
        await using var app = await AppHost.StartAsync(azurite);

        var malformed = await PreviewAsync(app, "not-a-token");
        var sessionShaped = await PreviewAsync(app, UserToken.Issue(TokenPurpose.Session).Token);

        Assert.Equal(HttpStatusCode.NotFound, malformed.Status);
        Assert.Equal(HttpStatusCode.NotFound, sessionShaped.Status);
        Assert.Equal("application/problem+json", malformed.MediaType);
    }
}
