using System.Text.Json;

namespace OrgFunctions.Tests.OpenApi;

/// <summary>The conformance check can fail: bodies that break the document's schemas are caught.</summary>
public class SchemaCheckTests
{
    private const string Org = """
        {"id":"abcdefghijklmnopqrst","parentId":null,"name":"Acme","description":null,"status":"active","depth":0,
         "createdAt":"2026-11-22T07:00:00.1234567+00:00","updatedAt":"2026-11-22T07:00:00Z"}
        """;

    private static IReadOnlyList<string> ErrorsAsOrg(string json) =>
        ApiDocument.Schemas.Errors(ApiDocument.Schemas.Resolve("#/components/schemas/Org"), JsonDocument.Parse(json).RootElement);

    [Fact]
    public void AnOrgAsTheApiWritesItConforms() => Assert.Empty(ErrorsAsOrg(Org));

    [Theory]
    [InlineData("\"status\":\"active\"", "\"status\":\"archived\"", "$.status")]
    [InlineData("\"depth\":0", "\"depth\":0.5", "$.depth")]
    [InlineData("\"depth\":0", "\"depth\":0,\"secret\":\"x\"", "$.secret")]
    [InlineData("\"name\":\"Acme\",", "", "$.name")]
    [InlineData("\"parentId\":null", "\"parentId\":\"ABC\"", "$.parentId")]
    [InlineData("\"updatedAt\":\"2026-11-22T07:00:00Z\"", "\"updatedAt\":\"yesterday\"", "$.updatedAt")]
    public void ABodyThatBreaksTheSchemaIsCaughtAtTheFieldThatBreaksIt(string from, string to, string path)
    {
        var errors = ErrorsAsOrg(Org.Replace(from, to));

        Assert.Contains(errors, e => e.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public void AProblemWithoutErrorsIsNotAValidationProblem()
    {
        var problem = JsonDocument.Parse("""{"type":"https://orgfunctions.dev/problems/validation","title":"t","status":400,"detail":"d"}""").RootElement;

        Assert.NotEmpty(ApiDocument.Schemas.Errors(ApiDocument.Schemas.Resolve("#/components/schemas/ValidationProblem"), problem));
        Assert.Empty(ApiDocument.Schemas.Errors(ApiDocument.Schemas.Resolve("#/components/schemas/Problem"), problem));
    }

    [Fact]
    public void AKeywordTheCheckDoesNotKnowFailsInsteadOfPassingSilently()
    {
        var schema = JsonDocument.Parse("""{"type":"string","contentEncoding":"base64"}""").RootElement;

        Assert.Throws<NotSupportedException>(() => ApiDocument.Schemas.Errors(schema, JsonDocument.Parse("\"x\"").RootElement));
    }
}
