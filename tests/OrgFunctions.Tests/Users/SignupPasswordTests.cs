using System.Net;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Domain.Users;
using OrgFunctions.Email;
using OrgFunctions.Secrets;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Users;

namespace OrgFunctions.Tests.Users;

/// <summary>Sign-up's owner password: given, it signs in; not given, a set-password link is emailed and works once.</summary>
public class SignupPasswordTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Password = "a long owner passphrase";

    [Fact]
    public async Task AnOwnerWhoSignsUpWithAPasswordSignsInWithItAndIsSentNoLink()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var email = NewEmail();

        var signup = await SignUpAsync(app, email, Password);
        var orgId = signup.Json.GetProperty("org").GetProperty("id").GetString()!;
        var signIn = await SignInHttp.SignInAsync(app, email, Password, orgId);

        Assert.Equal(HttpStatusCode.Created, signup.Status);
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.Equal("owner", signIn.Json.GetProperty("roleId").GetString());
        Assert.Equal(orgId, signIn.Json.GetProperty("org").GetProperty("id").GetString());
        Assert.Empty(await MailRowsAsync(app, orgId));
    }

    [Fact]
    public async Task AnOwnerWithoutAPasswordIsEmailedALinkWhoseTokenSetsThePasswordOnce()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var email = NewEmail();

        var signup = await SignUpAsync(app, email, password: null);
        var orgId = signup.Json.GetProperty("org").GetProperty("id").GetString()!;
        var mail = Assert.Single(await MailRowsAsync(app, orgId));
        var body = app.Services.GetRequiredService<SecretCodec>().Reveal(EmailRow.BodyPurpose, mail.GetString("TextBody"));
        var token = Regex.Match(body, @"http://127\.0\.0\.1:7071/set-password\?token=(ofp_[A-Za-z0-9_-]{43})").Groups[1].Value;
        var before = await SignInHttp.SignInAsync(app, email, Password, orgId);
        var set = await SignInHttp.SetPasswordAsync(app, token, Password);
        var after = await SignInHttp.SignInAsync(app, email, Password, orgId);
        var reused = await SignInHttp.SetPasswordAsync(app, token, "another long passphrase");
        var stillFirst = await SignInHttp.SignInAsync(app, email, Password, orgId);

        Assert.Equal(email, mail.GetString("To"));
        Assert.NotEqual("", token);
        Assert.Equal(HttpStatusCode.Unauthorized, before.Status);
        Assert.Equal(HttpStatusCode.NoContent, set.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(HttpStatusCode.Gone, reused.Status);
        Assert.Equal("https://orgfunctions.dev/problems/token-gone", reused.ProblemType());
        Assert.Equal(HttpStatusCode.OK, stillFirst.Status);
    }

    [Fact]
    public async Task TwoRacingUsesOfOneLinkSetOnePassword()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var email = NewEmail();
        var orgId = (await SignUpAsync(app, email, password: null)).Json.GetProperty("org").GetProperty("id").GetString()!;
        var token = await LinkTokenAsync(app, orgId);

        var uses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => SignInHttp.SetPasswordAsync(app, token, $"racing passphrase {i}")));

        Assert.True(uses.Count(u => u.Status == HttpStatusCode.NoContent) == 1, string.Join(" | ", uses.Select(u => u.ToString())));
        Assert.Equal(7, uses.Count(u => u.Status == HttpStatusCode.Gone));
    }

    [Fact]
    public async Task AnExpiredLinkIsGoneAndAnUnknownOneToo()
    {
        var clock = new MovableClock();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => services.AddSingleton<TimeProvider>(clock));
        var email = NewEmail();
        var orgId = (await SignUpAsync(app, email, password: null)).Json.GetProperty("org").GetProperty("id").GetString()!;
        var token = await LinkTokenAsync(app, orgId);

        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var expired = await SignInHttp.SetPasswordAsync(app, token, Password);
        var unknown = await SignInHttp.SetPasswordAsync(app, UserToken.Issue(TokenPurpose.PasswordSetup).Token, Password);
        var session = await SignInHttp.SetPasswordAsync(app, UserToken.Issue(TokenPurpose.Session).Token, Password);

        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Equal(HttpStatusCode.Gone, unknown.Status);
        Assert.Equal(HttpStatusCode.Gone, session.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInHttp.SignInAsync(app, email, Password, orgId)).Status);
    }

    [Theory]
    [InlineData("too short")]
    [InlineData("{email}")]
    public async Task AWeakOwnerPasswordIsRefusedNamingItWithNothingWritten(string password)
    {
        await using var app = await AppHost.StartAsync(azurite);
        var email = NewEmail();
        var orgName = "Weak " + Guid.NewGuid().ToString("N")[..8];

        var refused = await SignUpAsync(app, email, password.Replace("{email}", email), orgName);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Equal(["owner.password"], refused.Json.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var tables = app.Services.GetRequiredService<OrgTables>();
        Assert.Null(await app.Services.GetRequiredService<UserStore>().FindByEmailAsync(EmailAddress.Create(email), default));
        Assert.False((await tables.Index.GetEntityIfExistsAsync<TableEntity>(IndexKeys.OwnerEmail(email), IndexKeys.RowKey)).HasValue);
        Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(app, email, Password, orgName)).Status);
    }

    [Fact]
    public async Task AnExistingAccountReusedAsOwnerKeepsItsPassword()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path);

        var signup = await SignUpAsync(app, member.Email, "a different passphrase");
        var orgId = signup.Json.GetProperty("org").GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Created, signup.Status);
        Assert.Equal(HttpStatusCode.OK, (await SignInHttp.SignInAsync(app, member.Email, member.Password, orgId)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInHttp.SignInAsync(app, member.Email, "a different passphrase", orgId)).Status);
        Assert.Empty(await MailRowsAsync(app, orgId));
    }

    private static string NewEmail() => $"owner-{Guid.NewGuid():N}@example.com";

    private static Task<HttpAnswer> SignUpAsync(AppHost app, string email, string? password, string? orgName = null)
    {
        object owner = password is null ? new { email, displayName = "Owner" } : new { email, displayName = "Owner", password };
        return HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, "api/signup", null,
            new { orgName = orgName ?? "Org " + Guid.NewGuid().ToString("N")[..8], owner }));
    }

    private static async Task<string> LinkTokenAsync(AppHost app, string orgId)
    {
        var mail = Assert.Single(await MailRowsAsync(app, orgId));
        var body = app.Services.GetRequiredService<SecretCodec>().Reveal(EmailRow.BodyPurpose, mail.GetString("TextBody"));
        return Regex.Match(body, @"token=(ofp_[A-Za-z0-9_-]{43})").Groups[1].Value;
    }

    /// <summary>The emails queued in the new root's partition (its id is its partition).</summary>
    public static async Task<List<TableEntity>> MailRowsAsync(AppHost app, string rootId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in app.Services.GetRequiredService<OrgTables>().Orgs.QueryAsync<TableEntity>(
                           RowKeys.PrefixFilter(rootId, EmailRow.RowKeyPrefix)))
        {
            rows.Add(row);
        }
        return rows;
    }
}
