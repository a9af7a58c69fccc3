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
