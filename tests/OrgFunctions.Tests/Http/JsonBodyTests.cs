using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrgFunctions.Http;

namespace OrgFunctions.Tests.Http;

public class JsonBodyTests
{
    private static HttpRequest Request(string body, long? declaredLength = null)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = declaredLength ?? bytes.Length;
        return context.Request;
    }

    private static ProblemDetails ProblemOf(IActionResult? result, int status)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, objectResult.StatusCode);
        Assert.Contains(Problems.ContentType, objectResult.ContentTypes);
        return Assert.IsAssignableFrom<ProblemDetails>(objectResult.Value);
    }

    [Fact]
    public async Task ReadsAJsonObject()
    {
        var (document, problem) = await JsonBody.ReadAsync(Request("""{"name":"Acme"}"""), default);

        Assert.Null(problem);
        Assert.Equal("Acme", document!.RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("[1,2]")]
    [InlineData("")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1,}")]
    public async Task MalformedOrNonObjectBodiesAre400(string body)
    {
        var (_, problem) = await JsonBody.ReadAsync(Request(body), default);

        ProblemOf(problem, 400);
    }

    public static TheoryData<string, byte[], string> UnreadableText => new()
    {
        { "an invalid UTF-8 byte in a value", Bytes("{\"name\":\"A", 0xFF, "B\"}"), "name" },
        { "an invalid UTF-8 byte in a property name", Bytes("{\"na", 0xFF, "me\":\"x\"}"), JsonText.Body },
        { "a lone high surrogate escape", Bytes("{\"name\":\"\\ud800\"}"), "name" },
        { "a lone low surrogate escape in a nested field", Bytes("{\"owner\":{\"email\":\"a\\uDC00b\"}}"), "owner.email" },
        { "a lone surrogate escape in a nested property name", Bytes("{\"owner\":{\"\\ud800\":1}}"), "owner" },
        { "an invalid UTF-8 byte in an array item", Bytes("{\"names\":[\"ok\",\"", 0xC3, "\"]}"), "names[1]" },
        { "an invalid UTF-8 byte outside any string", Bytes("{\"a\":1}", 0xFF), JsonText.Body },
    };

    [Theory]
    [MemberData(nameof(UnreadableText))]
    public async Task TextThatIsNotUnicodeIsA400NamingItsField(string what, byte[] body, string field)
    {
        var (document, problem) = await JsonBody.ReadAsync(Request(body), default);

        Assert.Null(document);
        var errors = Assert.IsType<ValidationProblemDetails>(ProblemOf(problem, 400)).Errors;
        Assert.True(errors.Keys.SequenceEqual([field]), $"{what}: {string.Join(", ", errors.Keys)}");
    }

    [Fact]
    public async Task EveryUnreadableFieldIsNamedAndValidTextAroundItReads()
    {
        var (_, problem) = await JsonBody.ReadAsync(Request(Bytes("{\"a\":\"\\ud83d\\ude00 ok\",\"b\":\"\\ud83d\",\"c\":[1,\"", 0xFF, "\"]}")), default);

        var errors = Assert.IsType<ValidationProblemDetails>(ProblemOf(problem, 400)).Errors;
        Assert.Equal(["b", "c[1]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EscapedPairsAndEscapedBackslashesBeforeUAreValidText()
    {
        var (document, problem) = await JsonBody.ReadAsync(Request(Bytes("{\"emoji\":\"\\ud83d\\ude00\",\"path\":\"C:\\\\ud800\"}")), default);

        Assert.Null(problem);
        Assert.Equal("\ud83d\ude00", document!.RootElement.GetProperty("emoji").GetString());
        Assert.Equal("C:\\ud800", document.RootElement.GetProperty("path").GetString());
    }

    private static HttpRequest Request(byte[] bytes)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        return context.Request;
    }

    /// <summary>UTF-8 text with raw bytes (ints) between its parts.</summary>
    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is string text ? Encoding.UTF8.GetBytes(text) : [(byte)(int)p]).ToArray();

    [Fact]
    public async Task ABodyOverOneMegabyteIs413EvenWithoutAContentLength()
    {
        var big = "{\"x\":\"" + new string('a', (int)JsonBody.MaxBytes) + "\"}";
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(big));

        var (_, problem) = await JsonBody.ReadAsync(context.Request, default);

        ProblemOf(problem, 413);
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIsRefusedBeforeReading()
    {
        var (_, problem) = await JsonBody.ReadAsync(Request("{}", declaredLength: JsonBody.MaxBytes + 1), default);

        ProblemOf(problem, 413);
    }
}
