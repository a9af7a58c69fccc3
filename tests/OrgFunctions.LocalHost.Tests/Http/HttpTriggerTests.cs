using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgFunctions.LocalHost.Tests.Support;

namespace OrgFunctions.LocalHost.Tests.Http;

/// <summary>HTTP functions served by the local host, as the Functions host serves them.</summary>
public sealed class HttpTriggerTests : IAsyncLifetime
{
    private SampleHost _host = null!;

    public async Task InitializeAsync() => _host = await SampleHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client => _host.Client;

    [Fact]
    public async Task AFunctionWithoutRouteListensOnItsNameAndGetsItsServicesFromDi()
    {
        var body = await Client.GetFromJsonAsync<JsonElement>("api/hello?name=Ada");
        Assert.Equal("Hello, Ada!", body.GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task RouteValuesBindToParametersByName()
    {
        var body = await Client.GetFromJsonAsync<JsonElement>("api/orders/42/items/widget");
        Assert.Equal(42, body.GetProperty("orderId").GetInt32());
        Assert.Equal("widget", body.GetProperty("item").GetString());
        Assert.Equal("orderItem", body.GetProperty("function").GetString());
    }

    [Theory]
    [InlineData("api/orders/notanumber/items/widget")]
    [InlineData("api/orders/42/items/w1dget")]
    public async Task AValueThatBreaksARouteConstraintIsNotFound(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(path)).StatusCode);

    [Fact]
    public async Task AnUnknownRouteIsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("api/nothing-here")).StatusCode);

    [Fact]
    public async Task TheRoutePrefixIsRequired() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("hello")).StatusCode);

    [Fact]
    public async Task AMethodTheFunctionDoesNotAcceptIsNotFoundAsInTheFunctionsHost()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("api/hello", new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("api/things")).StatusCode);
    }

    [Fact]
    public async Task APostWithABodyReachesTheFunction()
    {
        var response = await Client.PostAsync("api/things", new StringContent("payload"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("payload", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("received").GetString());
    }

    [Fact]
    public async Task AFunctionThatThrowsAnswers500ProblemWithATraceIdAndWithoutDetails()
    {
        var response = await Client.GetAsync("api/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("secret-detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Fact]
    public async Task WorkerHttpTypesAreSupported()
    {
        var id = Guid.NewGuid();
        var response = await Client.PutAsync($"api/worker/{id}", new StringContent(""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("PUT", response.Headers.GetValues("X-Method").Single());
        Assert.Equal($"id={id}", await response.Content.ReadAsStringAsync());
    }
}
