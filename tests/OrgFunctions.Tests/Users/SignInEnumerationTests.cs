using System.Net;
using System.Net.Http.Json;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users;

/// <summary>Issue 16 point 4: nothing in a refused sign-in tells whether the email, the org or the membership exists.</summary>
public class SignInEnumerationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task UnknownEmailWrongPasswordNonMemberOrgUnknownOrgAndNoPasswordGetOneAnswerAfterOneVerificationEach()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = await AppHost.StartAsync(azurite, (services, _) => hasher.AddTo(services));
        var orgs = new OrgApp(azurite);
        var (root, _) = await orgs.Trees.RootAsync();
        var (other, _) = await orgs.Trees.RootAsync();
        var member = await new MemberBuilder(app.Services).AddAsync(root.Org.Path, SystemRoles.MemberId);
        // Signed up without a password: the owner has an account and a membership, and no password yet.
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.com";
        var signup = await app.Client.PostAsJsonAsync("api/signup", new { orgName = "No password " + Guid.NewGuid().ToString("N")[..6],
            owner = new { email = ownerEmail, displayName = "Owner" } });
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        var ownerOrg = (await signup.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("org").GetProperty("id").GetString()!;

        var tries = new (string Name, string Email, string Password, string OrgId)[]
        {
            ("unknown email", $"nobody-{Guid.NewGuid():N}@example.com", member.Password, root.Org.Id.Value),
            ("wrong password", member.Email, "not the password", root.Org.Id.Value),
            ("not a member", member.Email, member.Password, other.Org.Id.Value),
            ("unknown org", member.Email, member.Password, OrgId.New().Value),
            ("no password set", ownerEmail, member.Password, ownerOrg),
        };
        var answers = new List<(string Name, HttpAnswer Answer, int Verifications)>();
        foreach (var (name, email, password, orgId) in tries)
        {
            hasher.Reset();
            var answer = await SignInHttp.SignInAsync(app, email, password, orgId);
            answers.Add((name, answer, hasher.Verifications));
        }

        var first = answers[0].Answer;
        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Equal("application/problem+json", first.MediaType);
        Assert.Equal("https://orgfunctions.dev/problems/invalid-credentials", first.ProblemType());
        Assert.All(answers, a =>
        {
            Assert.True(a.Answer == first, $"{a.Name}: {a.Answer}");
            Assert.True(a.Verifications == 1, $"{a.Name}: {a.Verifications} verifications");
        });
    }

    [Fact]
    public async Task ASuspendedMembershipIsReportedOnlyToTheRightPassword()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (root, _) = await new OrgApp(azurite).Trees.RootAsync();
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(root.Org.Path, SystemRoles.MemberId);
        await SessionTests.SuspendAsync(app, member);

        var wrong = await SignInHttp.SignInAsync(app, member, "not the password");
        var right = await SignInHttp.SignInAsync(app, member);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("https://orgfunctions.dev/problems/invalid-credentials", wrong.ProblemType());
        Assert.Equal(HttpStatusCode.Forbidden, right.Status);
        Assert.Equal("https://orgfunctions.dev/problems/account-suspended", right.ProblemType());
    }
}
