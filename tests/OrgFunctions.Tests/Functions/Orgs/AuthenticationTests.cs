using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Domain.ApiKeys;
using OrgFunctions.Functions.Orgs;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions.Orgs;

/// <summary>
/// Every HTTP function of the app except sign-up, health and the OpenAPI document needs a valid API key: found by
/// reflection, so a new route can't skip authentication unnoticed, and checked against the route table of issue 4
/// (<see cref="OrgRoutes"/>), so a new route can't skip declaring its permission either.
/// </summary>
public partial class AuthenticationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Sign-in, setting a password and an invitation's link carry their own credential (a password or a token).
    private static readonly string[] Anonymous = ["signup", "health", "openapi", "auth/sign-in", "auth/set-password", "invitations/"];

    /// <summary>
    /// Authenticated routes outside the org route table, each with the permission it needs: a session's own routes (an API
    /// key gets 401), and the users and invitations routes, whose visibility, permission and escalation rules have their
    /// own tests (tests/OrgFunctions.Tests/Users).
    /// </summary>
    private static readonly (string Route, string? Permission)[] DeclaredElsewhere =
    [
        ("POST auth/sign-out", null),
        ("GET me", null),
        ("GET orgs/{orgId}/invitations", Domain.Roles.Permission.UsersManage),
        ("POST orgs/{orgId}/invitations", Domain.Roles.Permission.UsersManage),
        ("DELETE orgs/{orgId}/invitations/{invitationId}", Domain.Roles.Permission.UsersManage),
        ("POST orgs/{orgId}/invitations/{invitationId}/resend", Domain.Roles.Permission.UsersManage),
        ("GET orgs/{orgId}/users", Domain.Roles.Permission.UsersManage),
        ("GET orgs/{orgId}/users/{userId}", Domain.Roles.Permission.UsersManage),
        ("PATCH orgs/{orgId}/users/{userId}", Domain.Roles.Permission.UsersManage),
        ("DELETE orgs/{orgId}/users/{userId}", Domain.Roles.Permission.UsersManage),
        ("POST orgs/{orgId}/users/{userId}/unlock", Domain.Roles.Permission.UsersManage),
    ];

    [Fact]
    public void EveryAuthenticatedHttpFunctionIsARouteOfTheTableWithItsPermission()
    {
        var reflected = AuthenticatedFunctions().Select(f => $"{f.Method} {f.Route}").Order().ToList();
        var declared = OrgRoutes.All.Concat(OrgRoutes.Unscoped)
            .Select(r => $"{r.Method.Method.ToUpperInvariant()} {r.Path(RouteTarget.Placeholders)["api/".Length..].Split('?')[0]}")
            .Concat(DeclaredElsewhere.Select(d => d.Route))
            .Order().ToList();

        Assert.Equal(declared, reflected);
        Assert.All(OrgRoutes.All, r => Assert.True(Domain.Roles.Permission.IsKnown(r.Permission), r.Name));
        Assert.All(DeclaredElsewhere, d => Assert.True(d.Permission is null || Domain.Roles.Permission.IsKnown(d.Permission), d.Route));
    }

    [Fact]
    public async Task EveryAuthenticatedHttpFunctionAnswers401WithoutAValidKey()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (orgId, ownerKey) = await app.SignUpAsync();
        var realKey = await IssueAsync(app, orgId, ownerKey);
        var revoked = await IssueAsync(app, orgId, ownerKey);
        Assert.Equal(HttpStatusCode.OK, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, $"api/orgs/{orgId}", revoked))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Delete,
            $"api/orgs/{orgId}/api-keys/{OrgTreeBuilder.KeyIdOf(revoked)}", ownerKey))).Status);
        var badKeys = new Dictionary<string, string?>
        {
            ["no key"] = null,
            ["not a key"] = "hello",
            ["unknown key"] = ApiKey.Issue(Domain.Orgs.OrgId.New(), "never stored", "owner", DateTimeOffset.UtcNow).Secret.Token,
            ["wrong secret"] = realKey[..^4] + (realKey.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"),
            ["revoked key"] = revoked,
        };

        var functions = AuthenticatedFunctions().ToList();
        var failures = new List<string>();
        foreach (var function in functions)
        {
            // A real org and a body that isn't even JSON: authentication is judged first.
            var path = "api/" + RouteParameter().Replace(function.Route, m => m.Groups[1].Value == "orgId" ? orgId : "x1");
            foreach (var (name, key) in badKeys)
            {
                var request = AppHost.Request(new HttpMethod(function.Method), path, key, function.Method is "GET" or "DELETE" ? null : "{not json");
                var answer = await HttpAnswer.SendAsync(app, request);
                if (answer.Status != HttpStatusCode.Unauthorized || answer.MediaType != "application/problem+json")
                {
                    failures.Add($"{function.Method} {path} with {name}: {answer}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(functions.Count >= 16, $"found only {functions.Count} functions");
    }

    /// <summary>Every (method, route) of an <c>[HttpTrigger]</c> function of the app, but the anonymous ones.</summary>
    private static IEnumerable<(string Method, string Route)> AuthenticatedFunctions() =>
        from type in typeof(OrgsFunctions).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        where method.GetCustomAttribute<FunctionAttribute>() is not null
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
        where trigger is not null
        let route = trigger.Route ?? method.GetCustomAttribute<FunctionAttribute>()!.Name
        where !Anonymous.Any(a => route.StartsWith(a, StringComparison.OrdinalIgnoreCase))
        from verb in trigger.Methods is { Length: > 0 } verbs ? verbs : ["get", "post", "put", "patch", "delete"]
        select (verb.ToUpperInvariant(), route);

    private static async Task<string> IssueAsync(AppHost app, string orgId, string ownerKey)
    {
        var answer = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/api-keys", ownerKey,
            new { name = "Probe", roleId = "member" }));
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Json.GetProperty("secret").GetString()!;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
