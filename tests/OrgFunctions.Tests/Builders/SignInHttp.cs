namespace OrgFunctions.Tests.Builders;

/// <summary>The sign-in routes over HTTP, answers read whole.</summary>
public static class SignInHttp
{
    public static Task<HttpAnswer> SignInAsync(AppHost app, string email, string password, string orgId) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, "api/auth/sign-in", null, new { email, password, orgId }));

    public static Task<HttpAnswer> SignInAsync(AppHost app, Member member, string? password = null) =>
        SignInAsync(app, member.Email, password ?? member.Password, member.Org.OrgId.Value);

    /// <summary>Signs in and returns the session token, failing the test on any other answer.</summary>
    public static async Task<string> TokenAsync(AppHost app, Member member)
    {
        var answer = await SignInAsync(app, member);
        Assert.True(answer.Status == System.Net.HttpStatusCode.OK, answer.ToString());
        return answer.Json.GetProperty("token").GetString()!;
    }

    public static Task<HttpAnswer> MeAsync(AppHost app, string? token) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, "api/me", token));

    public static Task<HttpAnswer> SignOutAsync(AppHost app, string? token) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, "api/auth/sign-out", token));

    public static Task<HttpAnswer> SetPasswordAsync(AppHost app, string token, string password) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, "api/auth/set-password", null, new { token, password }));

    public static string ProblemType(this HttpAnswer answer) => answer.Json.GetProperty("type").GetString()!;
}
