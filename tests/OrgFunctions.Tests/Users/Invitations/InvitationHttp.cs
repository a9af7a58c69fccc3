using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgFunctions.Email;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Users.Invitations;

/// <summary>Invitation calls over HTTP, and a clock the tests move.</summary>
public static class InvitationHttp
{
    public static Task<HttpAnswer> InviteAsync(AppHost app, string orgId, string key, object body) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/invitations", key, body));

    /// <summary>Invites a fresh address (or <paramref name="email"/>) with the role; returns the answer's id and the token of its link.</summary>
    public static async Task<(string Id, string Token, string Email)> InvitedAsync(AppHost app, string orgId, string key, string roleId = "member",
        string? email = null)
    {
        email ??= $"invitee-{Guid.NewGuid():N}@example.com";
        var answer = await InviteAsync(app, orgId, key, new { email, roleId });
        Assert.True(answer.Status == HttpStatusCode.Created, answer.ToString());
        return (answer.Json.GetProperty("id").GetString()!, TokenOf(answer.Json.GetProperty("acceptUrl").GetString()!), email);
    }

    /// <summary>One call with the key, so that its once-a-minute lastUsedAt write happens before a test's snapshot.</summary>
    public static async Task WarmAsync(AppHost app, string orgId, string key) =>
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", key))).Status);

    /// <summary>The rows added, removed or changed between two <see cref="PartitionSnapshot"/>s: empty when nothing was written.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b).Order().ToList();

    public static string TokenOf(string acceptUrl) => acceptUrl[(acceptUrl.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];

    public static Task<HttpAnswer> PreviewAsync(AppHost app, string token) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/invitations/{token}", null));

    public static Task<HttpAnswer> AcceptAsync(AppHost app, string token, object? body = null, string? session = null) =>
        HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/invitations/{token}/accept", session, body));

    public static object NewAccount => new { displayName = "Ada Lovelace", password = "a long enough passphrase" };

    /// <summary>Sends the tree's queued emails to <paramref name="receiver"/> (the host was started with its port).</summary>
    public static async Task DispatchAsync(AppHost app, string treeId)
    {
        await using var smtp = new SmtpSession(app.Services.GetRequiredService<IOptions<EmailOptions>>().Value);
        await app.Services.GetRequiredService<EmailDispatcher>().DispatchTreeAsync(treeId, smtp, default);
    }
}
