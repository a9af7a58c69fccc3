using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using OrgFunctions.Http;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Hosting;
using OrgFunctions.LocalHost.Invocation;

namespace OrgFunctions.LocalHost.Http;

/// <summary>
/// Serves <c>[HttpTrigger]</c> functions on Kestrel as the ASP.NET Core integration does: the route is
/// <c>{routePrefix}/{Route ?? function name}</c> with ASP.NET Core template syntax; a method the function does
/// not accept gets 404 like an unknown route (the Functions host does the same). The HttpContext is in the
/// invocation's <c>Items</c> where the integration puts it, so <c>FunctionContext.GetHttpContext()</c> finds it and the
/// app's worker middleware answers a function that throws (500 problem+json with a traceId, the exception logged).
/// </summary>
internal sealed class HttpTriggerBinding(IFunctionInvoker invoker, LocalHostSettings settings, ILogger<HttpTriggerBinding> logger)
    : ITriggerBinding
{
    /// <summary>The key the ASP.NET Core integration stores the request's HttpContext under in FunctionContext.Items.</summary>
    internal const string HttpContextItemKey = "HttpRequestContext";

    public Type TriggerAttributeType => typeof(HttpTriggerAttribute);

    public void MapEndpoints(IEndpointRouteBuilder endpoints, IReadOnlyList<LocalFunction> functions)
    {
        foreach (var function in functions)
        {
            var route = HttpRoute.For(function, settings.RoutePrefix ?? "");
            endpoints.Map(route.Pattern, http => InvokeAsync(function, http))
                .WithMetadata(new FunctionHttpMethods(route.Methods))
                .WithDisplayName("Function " + function.Name);
        }
    }

    private async Task InvokeAsync(LocalFunction function, HttpContext http)
    {
        var invocation = new InvocationRequest
        {
            TriggerValue = context => TriggerValue(function, http, context),
            BindingData = BindingData(http),
            Items = new Dictionary<object, object> { [HttpContextItemKey] = http },
            Services = http.RequestServices,
            CancellationToken = http.RequestAborted,
        };
        try
        {
            var result = await invoker.InvokeAsync(function, invocation);
            await HttpResultWriter.WriteAsync(http, result);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex)
        {
            // What the app's middleware didn't answer (its result failed to write, or a function outside its pipeline).
            logger.LogError(ex, "Function '{Function}' failed on {Method} {Path}; traceId {TraceId}.", function.Name, http.Request.Method,
                http.Request.Path, http.TraceIdentifier);
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                await HttpResultWriter.WriteAsync(http, Problems.Unexpected(http.TraceIdentifier));
            }
        }
    }

    private static object? TriggerValue(LocalFunction function, HttpContext http, FunctionContext context)
    {
        var type = function.TriggerParameter.ParameterType;
        if (type.IsAssignableFrom(typeof(HttpRequest)))
        {
            return http.Request;
        }
        if (type == typeof(HttpRequestData))
        {
            return new AspNetCoreHttpRequestData(http, context);
        }
        if (type == typeof(HttpContext))
        {
            return http;
        }
        throw new NotSupportedException(
            $"Function '{function.Name}': an [HttpTrigger] parameter of type {type.Name} is not supported locally; use HttpRequest or HttpRequestData.");
    }

    // Route values first, then query values, as binding data (the worker exposes both to parameters by name).
    private static Dictionary<string, object?> BindingData(HttpContext http)
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in http.Request.RouteValues)
        {
            data[key] = value;
        }
        foreach (var (key, value) in http.Request.Query)
        {
            data.TryAdd(key, value.ToString());
        }
        return data;
    }
}
