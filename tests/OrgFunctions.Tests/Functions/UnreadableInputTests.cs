using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using OrgFunctions.Http;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;
using OrgFunctions.Tests.OpenApi;

namespace OrgFunctions.Tests.Functions;

/// <summary>
/// Input an attacker sends from outside, on every route the app serves (found from the function attributes, with what
/// each reads from the OpenAPI document, so a new route is covered without touching this file): text that isn't Unicode
/// in a body, a continuation token storage never issued, odd path and query values. Each is a 4xx problem+json naming
/// the field, never a 500 — signup included, before any sign-in.
/// </summary>
public class UnreadableInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string, byte[], string> UnreadableBodies => new()
    {
        { "an invalid UTF-8 byte", Bytes("{\"name\":\"A", 0xFF, "B\"}"), "name" },
        { "a lone surrogate escape", Bytes("{\"name\":\"\\ud800\"}"), "name" },
        { "an invalid UTF-8 property name", Bytes("{\"na", 0xFF, "me\":\"x\"}"), JsonText.Body },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task EveryBodyRouteAnswers400NamingTheFieldThatIsNotUnicode(string what, byte[] body, string field)
    {
        await using var scene = await SceneAsync(withWebhook: false);
        var routes = HttpRoutes().Where(r => ApiDocument.Operation(r.Path, r.Method).TryGetProperty("requestBody", out _)).ToList();
        Assert.Contains(routes, r => r.Path == "/signup");
        Assert.True(routes.Count >= 15, $"only {routes.Count} body routes found");

        var wrong = new List<string>();
        foreach (var (path, method) in routes)
        {
            var request = scene.Request(method, scene.Fill(path), new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });
            var answer = await HttpAnswer.SendAsync(scene.App, request);
            if (!IsProblemNaming(answer, HttpStatusCode.BadRequest, field))
            {
                wrong.Add($"{method.ToUpperInvariant()} {path} with {what}: {answer}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task EveryPagedRouteAnswers400ForAContinuationTokenStorageNeverIssued()
    {
        await using var scene = await SceneAsync(withWebhook: true);
        var routes = HttpRoutes().Where(r => QueryParameters(r.Path, r.Method).Contains("continuationToken")).ToList();
        Assert.True(routes.Count >= 5, $"only {routes.Count} paged routes found");
        string[] tokens =
        [
            new('_', 5000), // decodes (to 0xFF bytes), and is far longer than any token storage issues
            new('A', 5000),
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes("next\r\nx-ms-injected: 1")),
            Base64Url.EncodeToString([0xFF, 0xFE, 0x00]),
        ];

        var wrong = new List<string>();
        foreach (var (path, method) in routes)
        {
            var first = await HttpAnswer.SendAsync(scene.App, scene.Request(method, scene.Fill(path)));
            Assert.True(first.Status == HttpStatusCode.OK, $"{path}: {first}");
            foreach (var token in tokens)
            {
                var answer = await HttpAnswer.SendAsync(scene.App, scene.Request(method, $"{scene.Fill(path)}?continuationToken={token}"));
                if (!IsProblemNaming(answer, HttpStatusCode.BadRequest, "continuationToken"))
                {
                    wrong.Add($"{path} with a token of {token.Length} chars: {(int)answer.Status}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task OddPathAndQueryValuesNeverAnswerA500()
    {
        await using var scene = await SceneAsync(withWebhook: true);
        string[] odd =
        [
            "%00", "%0D%0A", "%FF", "%C3", "%ED%A0%80", "%E2%80%AE", "..", "%2E%2E", "%2F", "%5C", "-1", "0", "99999999999999999999",
            "1e9", "%20", "%22%27%3C", "%23", "~", new string('x', 3000), new string('_', 5000), Base64Url.EncodeToString(Encoding.UTF8.GetBytes("1!4!eA-- 1!4!eQ--")),
        ];

        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, method) in HttpRoutes())
        {
            var parameters = OpenApiRouteCoverageTests.OpenApiPath(path.TrimStart('/')).Parameters;
            var queries = QueryParameters(path, method);
            foreach (var value in odd)
            {
                var targets = parameters.Select(p => scene.Fill(path, (p, value)))
                    .Concat(queries.Select(q => $"{scene.Fill(path)}?{q}={value}"));
                foreach (var target in targets)
                {
                    var body = method is "post" or "put" or "patch" ? new StringContent("{}", Encoding.UTF8, "application/json") : null;
                    var answer = await HttpAnswer.SendAsync(scene.App, scene.Request(method, target, body));
                    sent++;
                    if ((int)answer.Status >= 500)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {target[..Math.Min(target.Length, 120)]}: {answer}");
                    }
                }
            }
        }
        Assert.True(sent > 500, $"only {sent} requests sent");
        Assert.Empty(failures);
    }

    private static bool IsProblemNaming(HttpAnswer answer, HttpStatusCode status, string field) =>
        answer.Status == status
        && answer.MediaType == Problems.ContentType
        && answer.Json.TryGetProperty("errors", out var errors)
        && errors.TryGetProperty(field, out _);

    /// <summary>Every route of an HTTP function, as the OpenAPI path and lower-case method.</summary>
    private static IEnumerable<(string Path, string Method)> HttpRoutes() =>
        OpenApiRouteCoverageTests.HttpFunctions().Select(f => (f.Path, f.Method)).Distinct();

    private static IReadOnlySet<string> QueryParameters(string path, string method)
    {
        var item = ApiDocument.Root.GetProperty("paths").GetProperty(path);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in new[] { item, item.GetProperty(method) })
        {
            if (owner.TryGetProperty("parameters", out var parameters))
            {
                names.UnionWith(parameters.EnumerateArray().Select(ApiDocument.Deref)
                    .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!));
            }
        }
        return names;
    }

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is string text ? Encoding.UTF8.GetBytes(text) : [(byte)(int)p]).ToArray();

    private async Task<Scene> SceneAsync(bool withWebhook)
    {
        var app = await AppHost.StartAsync(azurite);
        var (orgId, key) = await app.SignUpAsync();
        var webhookId = "wh_none";
        if (withWebhook)
        {
            var created = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{orgId}/webhooks", key,
                new { url = "http://127.0.0.1:9/hooks", events = new[] { "webhook.test" }, includeDescendants = false }));
            Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
            webhookId = created.Json.GetProperty("subscription").GetProperty("id").GetString()!;
        }
        return new Scene(app, orgId, key, webhookId);
    }

    private sealed record Scene(AppHost App, string OrgId, string Key, string WebhookId) : IAsyncDisposable
    {
        /// <summary>The route with the caller's org and webhook for their parameters, <c>none</c> for the rest, and <paramref name="raw"/> as given (already URL-encoded).</summary>
        public string Fill(string path, (string Name, string Value)? raw = null) =>
            "api" + System.Text.RegularExpressions.Regex.Replace(path, @"\{([A-Za-z]+)\}", m =>
                m.Groups[1].Value == raw?.Name ? raw.Value.Value
                : m.Groups[1].Value switch
                {
                    "orgId" => OrgId,
                    "id" => WebhookId,
                    _ => "none",
                });

        public HttpRequestMessage Request(string method, string path, HttpContent? content = null)
        {
            var request = AppHost.Request(new HttpMethod(method.ToUpperInvariant()), path, Key);
            request.Content = content;
            return request;
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
