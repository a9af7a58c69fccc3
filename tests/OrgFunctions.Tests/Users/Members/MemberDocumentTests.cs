using System.Net;
using OrgFunctions.Domain.Roles;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Tests.OpenApi;

namespace OrgFunctions.Tests.Users.Members;

/// <summary>Real answers of the user routes, successes and refusals, match what the OpenAPI document says of them.</summary>
public class MemberDocumentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EveryUserRoutesAnswersMatchTheDocument()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var orgs = new OrgApp(azurite);
        var (root, signup) = await orgs.Trees.RootAsync();
        var child = await orgs.Trees.ChildAsync(root);
        var key = await orgs.Trees.KeyAsync(root);
        var members = new MemberBuilder(app.Services);
        var member = await members.AddAsync(child.Org.Path, SystemRoles.MemberId);
        await MemberChangeTests.LockAsync(orgs, members, member, loginAttempts: 2);
        var (rootId, childId) = (root.Org.Id.Value, child.Org.Id.Value);
        const string One = "/orgs/{orgId}/users/{userId}";

        var checks = new (HttpRequestMessage Request, HttpStatusCode Status, string Path, string Method)[]
        {
            (AppHost.Request(HttpMethod.Get, $"api/orgs/{rootId}/users?includeDescendants=true&maxPerPage=1", key), HttpStatusCode.OK, "/orgs/{orgId}/users", "get"),
            (AppHost.Request(HttpMethod.Get, $"api/orgs/{rootId}/users?includeDescendants=maybe", key), HttpStatusCode.BadRequest, "/orgs/{orgId}/users", "get"),
            (AppHost.Request(HttpMethod.Get, $"api/orgs/{childId}/users/{member.UserId}", key), HttpStatusCode.OK, One, "get"),
            (AppHost.Request(HttpMethod.Get, $"api/orgs/{rootId}/users/{member.UserId}", key), HttpStatusCode.NotFound, One, "get"),
            (AppHost.Request(HttpMethod.Post, $"api/orgs/{childId}/users/{member.UserId}/unlock", key), HttpStatusCode.OK, One + "/unlock", "post"),
            (AppHost.Request(HttpMethod.Patch, $"api/orgs/{childId}/users/{member.UserId}", key, new { roleId = SystemRoles.AdminId, status = "suspended" }),
                HttpStatusCode.OK, One, "patch"),
            (AppHost.Request(HttpMethod.Patch, $"api/orgs/{childId}/users/{member.UserId}", key, new { status = "gone" }), HttpStatusCode.BadRequest, One, "patch"),
            (AppHost.Request(HttpMethod.Patch, $"api/orgs/{rootId}/users/{signup.Owner.Id}", key, new { status = "suspended" }), HttpStatusCode.Conflict, One, "patch"),
            (AppHost.Request(HttpMethod.Delete, $"api/orgs/{rootId}/users/{signup.Owner.Id}", key), HttpStatusCode.Conflict, One, "delete"),
            (AppHost.Request(HttpMethod.Delete, $"api/orgs/{childId}/users/{member.UserId}", key), HttpStatusCode.NoContent, One, "delete"),
        };
        foreach (var (request, status, path, method) in checks)
        {
            using var response = await app.Client.SendAsync(request);
            Assert.True(response.StatusCode == status, $"{method} {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await DocumentedResponses.AssertConformsAsync(response, path, method);
        }
    }
}
