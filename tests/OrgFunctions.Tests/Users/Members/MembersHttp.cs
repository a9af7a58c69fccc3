using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users.Members;

/// <summary>The user-administration routes of one org, sent with a bearer token (an API key or a session).</summary>
public static class MembersHttp
{
    public static Task<HttpAnswer> ListAsync(AppHost app, string token, string orgId, string query = "") =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/users{query}", token));

    public static Task<HttpAnswer> GetAsync(AppHost app, string token, string orgId, string userId) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}/users/{userId}", token));

    public static Task<HttpAnswer> PatchAsync(AppHost app, string token, string orgId, string userId, object body) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{orgId}/users/{userId}", token, body));

    public static Task<HttpAnswer> RemoveAsync(AppHost app, string token, string orgId, string userId) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete, $"api/orgs/{orgId}/users/{userId}", token));

    public static Task<HttpAnswer> UnlockAsync(AppHost app, string token, string orgId, string userId) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/users/{userId}/unlock", token));
}
