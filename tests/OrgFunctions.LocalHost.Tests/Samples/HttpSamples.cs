using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace OrgFunctions.LocalHost.Tests.Samples;

/// <summary>HTTP functions hosted by the tests (never part of the app).</summary>
public sealed class HttpSamples(IGreeter greeter)
{
    [Function("hello")]
    public IActionResult Hello([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) =>
        new OkObjectResult(new { greeting = greeter.Greet(request.Query["name"].ToString()) });

    [Function("orderItem")]
    public IActionResult OrderItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{orderId:int}/items/{item:alpha}")] HttpRequest request,
        int orderId, string item, FunctionContext context) =>
        new OkObjectResult(new { orderId, item, function = context.FunctionDefinition.Name });

    [Function("createThing")]
    public async Task<IActionResult> CreateThing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "things")] HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        return new CreatedResult("/api/things/1", new { received = body });
    }

    [Function("boom")]
    public IActionResult Boom([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom")] HttpRequest request) =>
        throw new InvalidOperationException("secret-detail-that-must-not-leak");

    [Function("workerTypes")]
    public static async Task<HttpResponseData> WorkerTypes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "worker/{id:guid}")] HttpRequestData request, Guid id)
    {
        var response = request.CreateResponse();
        response.StatusCode = System.Net.HttpStatusCode.Accepted;
        response.Headers.Add("X-Method", request.Method);
        await response.WriteStringAsync($"id={id}");
        return response;
    }
}
