using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.Functions;
using OrgFunctions.Testing;

namespace OrgFunctions.Tests.OpenApi;

/// <summary>The document and the app's HTTP functions describe the same routes: none missing, none invented.</summary>
public class OpenApiRouteCoverageTests
{
    /// <summary>Every HTTP function of the app: its name, the OpenAPI path of its route, its method.</summary>
    public static IReadOnlyList<(string Function, string Path, string Method, IReadOnlySet<string> RouteParameters)> HttpFunctions()
    {
        var found = new List<(string, string, string, IReadOnlySet<string>)>();
        var methods = typeof(HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
        foreach (var method in methods)
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (function is null || trigger is null)
            {
                continue;
            }
            var (path, parameters) = OpenApiPath(trigger.Route ?? function.Name);
            Assert.True(trigger.Methods is { Length: > 0 }, $"{function.Name} accepts every method: document it or name its methods.");
            found.AddRange(trigger.Methods!.Select(m => (function.Name, path, m.ToLowerInvariant(), parameters)));
        }
        return found;
    }

    /// <summary><c>orgs/{orgId:alpha}/roles/{roleId?}</c> → <c>/orgs/{orgId}/roles/{roleId}</c> and its parameter names.</summary>
    public static (string Path, IReadOnlySet<string> Parameters) OpenApiPath(string route)
    {
        var parameters = new HashSet<string>(StringComparer.Ordinal);
        var path = Regex.Replace(route.Trim('/'), @"\{\*{0,2}([A-Za-z_][A-Za-z0-9_]*)[^}]*\}", m =>
        {
            parameters.Add(m.Groups[1].Value);
            return "{" + m.Groups[1].Value + "}";
        });
        return ("/" + path, parameters);
    }

    [Fact]
    public void TheAppHasTheHttpFunctionsThisTestExpectsToFind()
    {
        // Guards the reflection above: if it found nothing, every other test here would pass vacuously.
        var functions = HttpFunctions();

        Assert.Contains(functions, f => f is { Function: "SignUp", Path: "/signup", Method: "post" });
        Assert.Contains(functions, f => f is { Function: "GetRole", Path: "/orgs/{orgId}/roles/{roleId}", Method: "get" });
        Assert.True(functions.Count >= 19, $"Only {functions.Count} HTTP functions found.");
    }

    [Fact]
    public void EveryHttpFunctionIsInTheDocumentWithItsMethodAndOperationId()
    {
        var missing = new List<string>();
        foreach (var (function, path, method, _) in HttpFunctions())
        {
            if (!ApiDocument.Root.GetProperty("paths").TryGetProperty(path, out var item) || !item.TryGetProperty(method, out var operation))
            {
                missing.Add($"{method.ToUpperInvariant()} {path} ({function})");
                continue;
            }
            Assert.Equal(function, operation.GetProperty("operationId").GetString());
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void EachOperationDeclaresExactlyItsRoutesPathParameters()
    {
        foreach (var (function, path, method, routeParameters) in HttpFunctions())
        {
            var declared = ApiDocument.PathParameters(path, method);
            Assert.True(routeParameters.SetEquals(declared),
                $"{function}: route has {{{string.Join(",", routeParameters)}}}, document declares {{{string.Join(",", declared)}}}.");
        }
    }

    [Fact]
    public void TheDocumentListsNoRouteOrMethodTheAppDoesNotHave()
    {
        var served = HttpFunctions().Select(f => (f.Path, f.Method)).ToHashSet();
        var invented = new List<string>();
        foreach (var item in ApiDocument.Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var member in item.Value.EnumerateObject().Where(m => ApiDocument.HttpMethods.Contains(m.Name)))
            {
                if (!served.Contains((item.Name, member.Name)))
                {
                    invented.Add($"{member.Name.ToUpperInvariant()} {item.Name}");
                }
            }
        }
        Assert.Empty(invented);
    }

    [Fact]
    public void TheServerUrlIsTheRoutePrefixTheFunctionsAreServedUnder()
    {
        // Paths are written without the prefix; the one server says where they live, as host.json sets it.
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        var prefix = hostJson.RootElement.TryGetProperty("extensions", out var extensions)
                     && extensions.TryGetProperty("http", out var http)
                     && http.TryGetProperty("routePrefix", out var routePrefix)
            ? routePrefix.GetString()!
            : "api";

        var servers = ApiDocument.Root.GetProperty("servers").EnumerateArray().ToList();

        Assert.Equal(["/" + prefix.Trim('/')], servers.Select(s => s.GetProperty("url").GetString()));
        Assert.All(ApiDocument.Root.GetProperty("paths").EnumerateObject(), p => Assert.False(p.Name.StartsWith("/" + prefix + "/", StringComparison.Ordinal)));
    }

    [Fact]
    public void OnlySignUpSignInSetPasswordInvitationLinksHealthAndTheDocumentItselfAreAnonymous()
    {
        Assert.Equal("apiKey", ApiDocument.Root.GetProperty("security")[0].EnumerateObject().Single().Name);
        var scheme = ApiDocument.Root.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));

        var anonymous = HttpFunctions()
            .Where(f => ApiDocument.Operation(f.Path, f.Method).TryGetProperty("security", out var s) && s.GetArrayLength() == 0)
            .Select(f => f.Function)
            .Order(StringComparer.Ordinal);

        // An invitation's link is its own credential (ADR 0020): seeing and accepting it need no key; nor does signing in.
        Assert.Equal(["AcceptInvitation", "GetOpenApiDocument", "PreviewInvitation", "SetPassword", "SignIn", "SignUp", "health"], anonymous);
    }

    [Fact]
    public void EveryOperationDocumentsTheErrorsEveryRouteCanAnswer()
    {
        foreach (var (function, path, method, routeParameters) in HttpFunctions())
        {
            var operation = ApiDocument.Operation(path, method);
            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            var anonymous = operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
            if (!anonymous)
            {
                Assert.True(statuses.Contains("401"), $"{function} must document 401.");
            }
            if (!anonymous && routeParameters.Count > 0)
            {
                // A route that names something (an org, a role, an instance...) can name one that is missing or hidden.
                Assert.True(statuses.Contains("404"), $"{function} names a resource in its path: it must document 404.");
            }
            if (operation.TryGetProperty("requestBody", out _))
            {
                Assert.True(statuses.IsSupersetOf(["400", "413"]), $"{function} reads a body: it must document 400 and 413.");
            }
            foreach (var status in statuses.Where(s => s[0] is '4'))
            {
                var content = ApiDocument.Response(path, method, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture))
                    .GetProperty("content");
                Assert.Equal(["application/problem+json"], content.EnumerateObject().Select(c => c.Name));
            }
        }
    }
}
