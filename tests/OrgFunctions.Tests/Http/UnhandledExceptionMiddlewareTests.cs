using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using OrgFunctions.Health;
using OrgFunctions.Http;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.Http;

/// <summary>
/// An exception no trigger answered: a 500 problem+json whose traceId is in the log next to the exception, and nothing of
/// the exception in the body. Both where the worker runs the middleware and where the local host does.
/// </summary>
public class UnhandledExceptionMiddlewareTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Secret = "connection refused by 10.0.0.7 with AccountKey=c2VjcmV0";

    [Fact]
    public async Task AnHttpFunctionThatThrowsAnswers500ProblemWithATraceIdThatIsInTheLog()
    {
        var logs = new FakeLogCollector();
        await using var app = await AppHost.StartAsync(azurite, (services, _) =>
        {
            services.RemoveAll<IStorageProbe>();
            services.AddSingleton<IStorageProbe, ExplodingProbe>();
            services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
        });

        var answer = await HttpAnswer.SendAsync(app, AppHost.Request(HttpMethod.Get, "api/health", apiKey: null));

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
        Assert.Equal(500, answer.Json.GetProperty("status").GetInt32());
        var traceId = answer.Json.GetProperty("traceId").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.DoesNotContain(Secret, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ExplodingProbe), answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", answer.Body, StringComparison.Ordinal);
        var logged = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains(traceId, StringComparison.Ordinal));
        Assert.Equal(Secret, logged.Exception?.Message);
        Assert.Equal(typeof(UnhandledExceptionMiddleware).FullName, logged.Category); // the app's middleware answered, not a fallback
    }

    [Fact]
    public async Task InTheWorkerTheAnswerIsWrittenToTheInvocationsHttpContext()
    {
        var logs = new FakeLogCollector();
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider(),
            Response = { Body = new MemoryStream() },
        };
        var context = Context(new Dictionary<object, object> { ["HttpRequestContext"] = http });
        Assert.Same(http, context.GetHttpContext()); // where the ASP.NET Core integration puts it
        var middleware = new UnhandledExceptionMiddleware(new FakeLogger<UnhandledExceptionMiddleware>(logs));

        await middleware.Invoke(context, _ => throw new InvalidOperationException(Secret));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.StartsWith(Problems.ContentType, http.Response.ContentType);
        http.Response.Body.Position = 0;
        var body = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.Contains("\"traceId\":\"inv-42\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.Contains("inv-42", logs.LatestRecord.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(logs.LatestRecord.Exception);
    }

    [Fact]
    public async Task ANonHttpFunctionsExceptionGoesBackToItsHostForRetryOrDeadLetter()
    {
        var middleware = new UnhandledExceptionMiddleware(new FakeLogger<UnhandledExceptionMiddleware>());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            middleware.Invoke(Context(new Dictionary<object, object>()), _ => throw new InvalidOperationException("queue message failed")));
    }

    [Fact]
    public void TheAppsPipelineHasTheMiddlewareAndTheCompositionRegistersIt()
    {
        var services = new ServiceCollection().AddOrgFunctions(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).Build());

        Assert.Contains(typeof(UnhandledExceptionMiddleware), OrgFunctionsMiddleware.Pipeline);
        Assert.All(OrgFunctionsMiddleware.Pipeline, type => Assert.Contains(services, d => d.ServiceType == type));
    }

    private static FunctionContext Context(IDictionary<object, object> items)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns("Probe");
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(items);
        context.SetupGet(c => c.InvocationId).Returns("inv-42");
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        return context.Object;
    }

    private sealed class ExplodingProbe : IStorageProbe
    {
        public Task<StorageReachability> ProbeAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);
    }
}
