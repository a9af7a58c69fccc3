using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Users;

namespace OrgFunctions.Tests.Users;

/// <summary>Issue 16 point 2 over HTTP, on a clock the test moves: idle timeout per org, absolute lifetime, sign-out, suspension.</summary>
public class SessionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Expired = "https://orgfunctions.dev/problems/session-expired";

    [Fact]
    public async Task EachUseBeforeTheOrgsIdleTimeoutExtendsTheSessionAndIdlenessPastItEndsIt()
    {
        var clock = new MovableClock();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => services.AddSingleton<TimeProvider>(clock));
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync(); // sessionTimeoutMinutes: the default 60
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var signIn = await SignInHttp.SignInAsync(app, member);
        var token = signIn.Json.GetProperty("token").GetString()!;

        clock.Advance(TimeSpan.FromMinutes(59));
        var justBefore = await SignInHttp.MeAsync(app, token);
        clock.Advance(TimeSpan.FromMinutes(59)); // 118 minutes after sign-in, 59 after the last use
        var extended = await SignInHttp.MeAsync(app, token);
        clock.Advance(TimeSpan.FromMinutes(61));
        var idle = await SignInHttp.MeAsync(app, token);

        Assert.Equal(60, signIn.Json.GetProperty("idleTimeoutMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.OK, justBefore.Status);
        Assert.Equal(HttpStatusCode.OK, extended.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, idle.Status);
        Assert.Equal(Expired, idle.ProblemType());
    }

    [Fact]
    public async Task LoweringTheOrgsSessionTimeoutAppliesToAnExistingSessionAtItsNextUse()
    {
        var clock = new MovableClock();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => services.AddSingleton<TimeProvider>(clock));
        var (root, signup) = await new OrgApp(azurite).Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var token = await SignInHttp.TokenAsync(app, member);

        clock.Advance(TimeSpan.FromMinutes(20));
        var lowered = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{root.Org.Id}/settings",
            signup.ApiKey.Secret, new { sessionTimeoutMinutes = 10 }));
        var next = await SignInHttp.MeAsync(app, token);

        Assert.Equal(HttpStatusCode.OK, lowered.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, next.Status);
        Assert.Equal(Expired, next.ProblemType());
    }

    [Fact]
    public async Task TheAbsoluteLifetimeEndsASessionHoweverOftenItIsUsed()
    {
        var clock = new MovableClock();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => services.AddSingleton<TimeProvider>(clock),
            "--Users:SessionLifetime=01:30:00");
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var signIn = await SignInHttp.SignInAsync(app, member);
        var token = signIn.Json.GetProperty("token").GetString()!;
        var signedInAt = clock.GetUtcNow();

        var statuses = new List<HttpStatusCode>();
        for (var use = 0; use < 4; use++)
        {
            clock.Advance(TimeSpan.FromMinutes(30));
            statuses.Add((await SignInHttp.MeAsync(app, token)).Status);
        }

        Assert.Equal(signedInAt.AddMinutes(60), signIn.Json.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
    }

    [Fact]
    public async Task SignOutEndsTheSessionAtOnce()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var token = await SignInHttp.TokenAsync(app, member);
        var other = await SignInHttp.TokenAsync(app, member);

        var signOut = await SignInHttp.SignOutAsync(app, token);
        var after = await SignInHttp.MeAsync(app, token);
        var again = await SignInHttp.SignOutAsync(app, token);

        Assert.Equal(HttpStatusCode.NoContent, signOut.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Equal(HttpStatusCode.OK, (await SignInHttp.MeAsync(app, other)).Status);
    }

    [Fact]
    public async Task SuspendingTheMembershipEndsItsSessionsAtTheNextUse()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        var token = await SignInHttp.TokenAsync(app, member);
        Assert.Equal(HttpStatusCode.OK, (await SignInHttp.MeAsync(app, token)).Status);

        await SuspendAsync(app, member);
        var after = await SignInHttp.MeAsync(app, token);

        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(Expired, after.ProblemType());
    }

    /// <summary>
    /// Suspends the membership straight in storage, as an admin's change would store it, and tells the instance's access
    /// cache as that change's write would (ADR 0026).
    /// </summary>
    internal static async Task SuspendAsync(AppHost app, Member member)
    {
        var record = (await new MemberBuilder(app.Services).MembershipAsync(member))!;
        record.Membership.Suspend();
        var tables = app.Services.GetRequiredService<OrgTables>();
        await tables.Orgs.UpdateEntityAsync(MembershipRow.Updated(record), record.ETag, TableUpdateMode.Replace);
        tables.Changes.Committed(member.Org.RootId.Value);
    }
}
