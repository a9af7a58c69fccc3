using System.Net;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Functions;

/// <summary>
/// The one text policy (ADR 0013) at the HTTP edge: a control character, NUL or bidi override/isolate in any free-text
/// field is a 400 problem+json naming that field, on every route that takes one; line breaks only where a field allows them.
/// </summary>
public class TextPolicyHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // The JSON escapes (\u0000, \u202E, ...) are decoded by the JSON reader: the app sees the real characters.
    private static readonly (string Method, string Route, string Body, string[] Fields)[] Refused =
    [
        ("POST", "api/signup", """{"orgName":"Acme\u202Egpj.exe","owner":{"email":"o@example.com","displayName":"Ow\u0000ner"}}""",
            ["orgName", "owner.displayName"]),
        ("POST", "api/signup", """{"orgName":"Acme\u2066x","owner":{"email":"o2@example.com","displayName":"Owner\u202E"}}""",
            ["orgName", "owner.displayName"]),
        ("PATCH", "api/orgs/{org}", """{"name":"Acme\u202E","description":"nul\u0000"}""", ["description", "name"]),
        ("PATCH", "api/orgs/{org}", """{"name":"Acme\u2069","description":"c1\u0085 and bidi \u202D"}""", ["description", "name"]),
        ("PATCH", "api/orgs/{org}", """{"name":"two\u2028lines"}""", ["name"]),
        ("POST", "api/orgs/{org}/children", """{"name":"Child\u202E","description":"d\u0000"}""", ["description", "name"]),
        ("POST", "api/orgs/{org}/roles", """{"name":"Ops\u202E","permissions":["orgs.read"]}""", ["name"]),
        ("PUT", "api/orgs/{org}/roles/{role}", """{"name":"Ops\u2067","permissions":["orgs.read"]}""", ["name"]),
        ("POST", "api/orgs/{org}/api-keys", """{"name":"CI\u0000key","roleId":"member"}""", ["name"]),
        ("POST", "api/orgs/{org}/api-keys", """{"name":"CI\u202Ekey","roleId":"member"}""", ["name"]),
        ("PATCH", "api/orgs/{org}/settings", """{"locale":"en-GB\u0000garbage","timeZone":"Europe/London\u0000x"}""", ["locale", "timeZone"]),
        ("PATCH", "api/orgs/{org}/settings", """{"locale":"en-GB\u202E"}""", ["locale"]),
        ("POST", "api/orgs/{org}/templates", """{"name":"hello","language":"en","category":"UTILITY","body":"Hi \u202E{{1}}"}""", ["body"]),
        ("POST", "api/orgs/{org}/templates", """{"name":"hello_two","language":"en","category":"UTILITY","body":"Hi\u0000{{1}}"}""", ["body"]),
        ("POST", "api/orgs/{org}/smart-phrases", """{"shortcut":"hi\u202E","text":"Hello\u0000","tags":["ok","a\u2067"]}""",
            ["shortcut", "tags", "text"]),
        ("POST", "api/orgs/{org}/webhooks", """{"url":"https://93.184.216.34/hook","events":["*"],"description":"d\u0000"}""", ["description"]),
        ("POST", "api/orgs/{org}/webhooks", """{"url":"https://93.184.216.34/hook","events":["*"],"description":"d\u202E"}""", ["description"]),
        ("POST", "api/orgs/{org}/blocklist", """{"channel":"sms","identifier":"+353861234567","reason":"spam\u202E"}""", ["reason"]),
    ];

    [Fact]
    public async Task AControlOrBidiCharacterInAFreeTextFieldIs400NamingIt()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (org, key) = await app.SignUpAsync();
        var role = await CreateRoleAsync(app, org, key);

        foreach (var (method, route, body, fields) in Refused)
        {
            var answer = await HttpAnswer.SendAsync(app, AppHost.Request(new HttpMethod(method),
                route.Replace("{org}", org).Replace("{role}", role), key, body));

            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{method} {route} {body}: {answer}");
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.True(fields.SequenceEqual(answer.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)),
                $"{method} {route} {body}: {answer}");
        }
    }

    [Fact]
    public async Task DescriptionsKeepTheirLineBreaks()
    {
        await using var app = await AppHost.StartAsync(azurite);
        var (org, key) = await app.SignUpAsync();

        var patched = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Patch, $"api/orgs/{org}", key,
            """{"description":"First line.\nSecond line."}"""));

        Assert.True(patched.Status == HttpStatusCode.OK, patched.ToString());
        Assert.Equal("First line.\nSecond line.", patched.Json.GetProperty("description").GetString());
    }

    private static async Task<string> CreateRoleAsync(AppHost app, string org, string key)
    {
        var created = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Post, $"api/orgs/{org}/roles", key,
            """{"name":"Ops","permissions":["orgs.read"]}"""));
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        return created.Json.GetProperty("id").GetString()!;
    }
}
