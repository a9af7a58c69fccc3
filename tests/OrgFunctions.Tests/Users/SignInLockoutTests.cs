using System.Net;
using OrgFunctions.Domain.Events;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users;

/// <summary>Issue 16 point 1 over HTTP: the org's login attempts bound the password checks, then lock, whatever the race.</summary>
public class SignInLockoutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FiftyParallelWrongPasswordsVerifyExactlyTheOrgsLoginAttemptsThenLockEvenTheRightPassword()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => hasher.AddTo(services));
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync(); // loginAttempts: the default 5
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        hasher.Reset();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SignInHttp.SignInAsync(app, member, "wrong password 123")));
        var verifiedBeforeTheRightOne = hasher.Verifications;
        var right = await SignInHttp.SignInAsync(app, member);

        Assert.Equal(5, verifiedBeforeTheRightOne);
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Locked }));
        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Locked, right.Status);
        Assert.Equal("application/problem+json", right.MediaType);
        Assert.Equal("https://orgfunctions.dev/problems/account-locked", right.ProblemType());
        Assert.Equal(5, hasher.Verifications);
        var locked = (await OutboxReader.EventsAsync(orgs, root.Org.Path.RootId.Value)).Where(e => e.Type == EventTypes.UserLocked).ToList();
        Assert.Equal(member.UserId, Assert.Single(locked).Data["userId"]!.GetValue<string>());
        Assert.True((await new MemberBuilder(app.Services).MembershipAsync(member))!.Membership.IsLocked);
    }

    [Fact]
    public async Task ARightPasswordResetsTheCountOfWrongOnes()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);

        var statuses = new List<HttpStatusCode>();
        foreach (var password in new[] { "wrong 1", "wrong 2", "wrong 3", member.Password, "wrong 4", "wrong 5", member.Password })
        {
            statuses.Add((await SignInHttp.SignInAsync(app, member, password)).Status);
        }

        Assert.Equal(
            [
                HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK,
                HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK,
            ], statuses);
        Assert.Equal(0, (await new MemberBuilder(app.Services).MembershipAsync(member))!.Membership.TriesSinceSuccess);
    }

    [Fact]
    public async Task TheOrgsOwnLoginAttemptsSettingIsTheLimit()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, signup) = await new OrgApp(azurite).Trees.RootAsync();
        var settings = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{root.Org.Id}/settings",
            signup.ApiKey.Secret, new { loginAttempts = 2 }));
        Assert.Equal(HttpStatusCode.OK, settings.Status);
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);

        var first = await SignInHttp.SignInAsync(app, member, "wrong 1");
        var second = await SignInHttp.SignInAsync(app, member, "wrong 2");
        var right = await SignInHttp.SignInAsync(app, member);

        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, second.Status);
        Assert.Equal(HttpStatusCode.Locked, right.Status);
    }
}
