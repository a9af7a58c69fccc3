using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace OrgFunctions.Http;

/// <summary>
/// The last line for an exception no trigger turned into an answer: an HTTP function answers a 500 problem+json whose
/// <c>traceId</c> (the invocation id) is logged with the exception, so a report can be matched to the log; the body
/// never carries the exception's type, message or stack. Other triggers rethrow: their host retries or dead-letters.
/// </summary>
public sealed partial class UnhandledExceptionMiddleware(ILogger<UnhandledExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested)
        {
            var traceId = context.InvocationId;
            Failed(logger, ex, context.FunctionDefinition.Name, traceId);
            if (http.Response.HasStarted)
            {
                return;
            }
            http.Response.Clear();
            await Problems.Unexpected(traceId).ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function '{Function}' failed; answered 500 with traceId {TraceId}.")]
    private static partial void Failed(ILogger logger, Exception exception, string function, string traceId);
}
