using System.Net;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users;

/// <summary>Bad input to the sign-in routes: 400 problem+json naming each invalid field; the wrong kind of credential: 401.</summary>
public class SignInBadInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private AppHost _app = null!;

    public async Task InitializeAsync() => _app = await AppHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("auth/sign-in", "{}", "email,orgId,password")]
    [InlineData("auth/sign-in", """{"email":"not an email","password":"","orgId":"nope"}""", "email,orgId,password")]
    [InlineData("auth/sign-in", """{"email":"a@example.com","password":7,"orgId":"aaaaaaaaaaaaaaaaaaaa","extra":1}""", "extra,password")]
    [InlineData("auth/sign-in", """{"email":"a@example.com","password":"{long}","orgId":"aaaaaaaaaaaaaaaaaaaa"}""", "password")]
    [InlineData("auth/sign-in", """{"email":"a@example.com","password":"\ud800 unpaired","orgId":"aaaaaaaaaaaaaaaaaaaa"}""", "password")]
    [InlineData("auth/set-password", "{}", "password,token")]
    [InlineData("auth/set-password", """{"token":"ofp_x","password":"short"}""", "password")]
    public async Task EachInvalidFieldIsNamed(string route, string body, string fields)
    {
        var answer = await HttpAnswer.SendAsync(_app, AppHost.Request(HttpMethod.Post, "api/" + route, null,
            body.Replace("{long}", new string('x', 129))));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(fields.Split(','), answer.Json.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    public async Task ABodyThatIsNotAnObjectIsA400(string body)
    {
        var answer = await HttpAnswer.SendAsync(_app, AppHost.Request(HttpMethod.Post, "api/auth/sign-in", null, body));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Fact]
    public async Task AnApiKeyCanNeitherSignOutNorAskWhoItIs()
    {
        var (_, key) = await _app.SignUpAsync();

        var signOut = await SignInHttp.SignOutAsync(_app, key);
        var me = await SignInHttp.MeAsync(_app, key);
        var anonymous = await SignInHttp.MeAsync(_app, null);

        Assert.Equal(HttpStatusCode.Unauthorized, signOut.Status);
        Assert.Equal("https://orgfunctions.dev/problems/session-required", signOut.ProblemType());
        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
        Assert.Equal("https://orgfunctions.dev/problems/session-required", me.ProblemType());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal("https://orgfunctions.dev/problems/unauthorized", anonymous.ProblemType());
    }
}
