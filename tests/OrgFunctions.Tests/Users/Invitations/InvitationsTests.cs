using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Domain.Users;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Users;
using static OrgFunctions.Tests.Users.Invitations.InvitationHttp;

namespace OrgFunctions.Tests.Users.Invitations;

/// <summary>Invite, email, see and accept over HTTP; spent links are gone (410); racing accepts make one member.</summary>
public class InvitationsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnInvitedPersonGetsTheLinkByEmailSeesOnlyWhoInvitedThemAndJoinsWithTheInvitedRole()
    {
        await using var receiver = await SmtpReceiver.StartAsync();
        var logs = new LogCapture();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => logs.AddTo(services), $"--Email:Port={receiver.Port}");
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var email = $"ada-{Guid.NewGuid():N}@example.com";

        var invited = await InviteAsync(app, root.Org.Id.Value, key, new { email, roleId = SystemRoles.MemberId, expiresInDays = 3 });
        Assert.Equal(HttpStatusCode.Created, invited.Status);
        var acceptUrl = invited.Json.GetProperty("acceptUrl").GetString()!;
        var token = TokenOf(acceptUrl);
        Assert.StartsWith("http://127.0.0.1:7071/invitations/accept?token=ofi_", acceptUrl, StringComparison.Ordinal);
        Assert.Equal("pending", invited.Json.GetProperty("status").GetString());
        Assert.Equal(email, invited.Json.GetProperty("email").GetString());

        await DispatchAsync(app, root.Org.Id.Value);
        var mail = Assert.Single(receiver.Received, m => m.To == email);
        Assert.Contains(acceptUrl, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(root.Org.Name.Value, mail.Subject, StringComparison.Ordinal);

        var preview = await PreviewAsync(app, token);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal(["org", "inviter", "expiresAt"], preview.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name"], preview.Json.GetProperty("org").EnumerateObject().Select(p => p.Name));
        Assert.Equal(root.Org.Name.Value, preview.Json.GetProperty("org").GetProperty("name").GetString());
        Assert.Equal(root.Org.Name.Value, preview.Json.GetProperty("inviter").GetProperty("displayName").GetString());

        var accepted = await AcceptAsync(app, token, NewAccount);
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
        var userId = accepted.Json.GetProperty("userId").GetString()!;
        Assert.Equal(SystemRoles.MemberId, accepted.Json.GetProperty("roleId").GetString());
        var membership = await app.Services.GetRequiredService<MembershipStore>().GetAsync(root.Org.Path, userId, default);
        Assert.Equal(SystemRoles.MemberId, membership!.Membership.RoleId);
        var user = await app.Services.GetRequiredService<UserStore>().FindByEmailAsync(EmailAddress.Create(email), default);
        Assert.Equal(userId, user!.Id);
        Assert.Equal("Ada Lovelace", user.DisplayName);

        // The new member acts with the invited role: reads the org, can't change it.
        var (session, _) = await app.Services.GetRequiredService<SessionStore>().StartAsync(userId, root.Org.Path, DateTimeOffset.UtcNow, default);
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}", session.Token))).Status);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{root.Org.Id}", session.Token, new { description = "x" }))).Status);

        var events = await OutboxReader.EventsAsync(orgs, root.Org.Id.Value);
        var joined = Assert.Single(events, e => e.Type == EventTypes.UserJoined && (string?)e.Data["userId"] == userId);
        Assert.Equal(invited.Json.GetProperty("id").GetString(), (string?)joined.Data["invitationId"]);
        Assert.Single(events, e => e.Type == EventTypes.UserInvited && (string?)e.Data["email"] == email);

        // Used: the link is gone, and the listing shows it accepted without any token or hash.
        var again = await AcceptAsync(app, token, NewAccount);
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Equal("https://orgfunctions.dev/problems/invitation-gone", again.Json.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Gone, (await PreviewAsync(app, token)).Status);
        var list = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{root.Org.Id}/invitations", key));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("accepted", Assert.Single(list.Json.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        var tokenHash = UserToken.TryParse(token, TokenPurpose.Invitation, out var parsed) ? parsed.Hash : throw new InvalidOperationException();
        Assert.DoesNotContain(token, list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(tokenHash, list.Body, StringComparison.Ordinal);
        // The app's own logs (and the storage client's) never hold the token. ASP.NET Core's request diagnostics log the
        // request path, which for GET /api/invitations/{token} is the token: the route's cost, named in ADR 0020.
        var appLines = logs.Lines.Where(line => !line.Split(' ')[1].StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(appLines);
        Assert.DoesNotContain(appLines, line => line.Contains(token[4..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokedResentAndExpiredLinksAreGone()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var app = await AppHost.StartAsync(azurite, (services, _) => services.AddSingleton<TimeProvider>(clock));
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var orgId = root.Org.Id.Value;

        var revoked = await InvitedAsync(app, orgId, key);
        Assert.Equal(HttpStatusCode.NoContent, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete, $"api/orgs/{orgId}/invitations/{revoked.Id}", key))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete, $"api/orgs/{orgId}/invitations/{revoked.Id}", key))).Status);
        Assert.Equal(HttpStatusCode.Gone, (await PreviewAsync(app, revoked.Token)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await AcceptAsync(app, revoked.Token, NewAccount)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/invitations/{revoked.Id}/resend", key))).Status);
        Assert.Single(await OutboxReader.EventsAsync(orgs, orgId), e => e.Type == EventTypes.InvitationRevoked);

        var resent = await InvitedAsync(app, orgId, key);
        var answer = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/invitations/{resent.Id}/resend", key));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var newToken = TokenOf(answer.Json.GetProperty("acceptUrl").GetString()!);
        Assert.NotEqual(resent.Token, newToken);
        Assert.Equal(HttpStatusCode.Gone, (await PreviewAsync(app, resent.Token)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await AcceptAsync(app, resent.Token, NewAccount)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PreviewAsync(app, newToken)).Status);
        Assert.Single(await OutboxReader.EventsAsync(orgs, orgId), e => e.Type == EventTypes.InvitationResent);

        var expiring = await InvitedAsync(app, orgId, key);
        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Gone, (await PreviewAsync(app, expiring.Token)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await AcceptAsync(app, expiring.Token, NewAccount)).Status);
        Assert.Null(await app.Services.GetRequiredService<UserStore>().FindByEmailAsync(EmailAddress.Create(expiring.Email), default));

        var unknown = UserToken.Issue(TokenPurpose.Invitation).Token;
        Assert.Equal(HttpStatusCode.NotFound, (await PreviewAsync(app, unknown)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await AcceptAsync(app, unknown, NewAccount)).Status);
    }

    [Fact]
    public async Task TenParallelAcceptsOfOneLinkMakeOneMember()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var invitation = await InvitedAsync(app, root.Org.Id.Value, key);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => AcceptAsync(app, invitation.Token, NewAccount)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created),
            a => Assert.True(a.Status is HttpStatusCode.Gone or HttpStatusCode.Conflict, a.ToString()));
        var members = await app.Services.GetRequiredService<MembershipStore>().PageAsync(root.Org.Path, false, new(100, null), default);
        Assert.Single(members.Items, m => m.Email == invitation.Email);
        Assert.Single(await OutboxReader.EventsAsync(orgs, root.Org.Id.Value),
            e => e.Type == EventTypes.UserJoined && (string?)e.Data["invitationId"] == invitation.Id);
    }

    [Fact]
    public async Task AnExistingAccountAcceptsOnlyWhileSignedInAsTheInvitedEmail()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var (other, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var existing = await members.AddAsync(other.Org.Path);
        var stranger = await members.AddAsync(other.Org.Path);
        var invitation = await InvitedAsync(app, root.Org.Id.Value, key, SystemRoles.AdminId, existing.Email);

        var anonymous = await AcceptAsync(app, invitation.Token, new { password = existing.Password });
        var asStranger = await AcceptAsync(app, invitation.Token, session: await members.SessionAsync(stranger));
        var asThemselves = await AcceptAsync(app, invitation.Token, session: await members.SessionAsync(existing));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.Forbidden, asStranger.Status);
        Assert.Equal(HttpStatusCode.Created, asThemselves.Status);
        Assert.Equal(existing.UserId, asThemselves.Json.GetProperty("userId").GetString());
        var membership = await app.Services.GetRequiredService<MembershipStore>().GetAsync(root.Org.Path, existing.UserId, default);
        Assert.Equal(SystemRoles.AdminId, membership!.Membership.RoleId);
        Assert.Equal(HttpStatusCode.Conflict, (await InviteAsync(app, root.Org.Id.Value, key, new { email = existing.Email, roleId = "member" })).Status);
    }

    [Fact]
    public async Task AnAccountLeftByAFailedAcceptIsReusedWithItsPassword()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var key = await orgs.Trees.KeyAsync(root);
        var invitation = await InvitedAsync(app, root.Org.Id.Value, key);
        // What an accept leaves when it dies after creating the account: a user, a pointer, no membership.
        var users = app.Services.GetRequiredService<UserStore>();
        var orphan = await users.CreateAsync(EmailAddress.Create(invitation.Email), "Ada",
            app.Services.GetRequiredService<Passwords>().Hash("a long enough passphrase"), DateTimeOffset.UtcNow, default);
        await users.AddOrgAsync(orphan!.Id, root.Org.Path, default);

        var wrong = await AcceptAsync(app, invitation.Token, new { displayName = "Ada", password = "another long passphrase" });
        var right = await AcceptAsync(app, invitation.Token, NewAccount);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Created, right.Status);
        Assert.Equal(orphan.Id, right.Json.GetProperty("userId").GetString());
    }
}
