using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using OrgFunctions.Http;

namespace OrgFunctions;

/// <summary>
/// The app's worker middleware, outermost first, listed once: Program.cs puts it in the worker's pipeline and the local
/// host runs it around each invocation, so a function answers the same wherever it runs. AddOrgFunctions registers each.
/// </summary>
public static class OrgFunctionsMiddleware
{
    public static IReadOnlyList<Type> Pipeline { get; } = [typeof(UnhandledExceptionMiddleware)];

    public static IFunctionsWorkerApplicationBuilder UseOrgFunctionsMiddleware(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var type in Pipeline)
        {
            builder.Use(next => context => Resolve(context, type).Invoke(context, next));
        }
        return builder;
    }

    /// <summary>The function wrapped in the pipeline, for a host that runs functions without the worker's pipeline.</summary>
    public static FunctionExecutionDelegate Around(FunctionExecutionDelegate function)
    {
        var next = function;
        for (var i = Pipeline.Count - 1; i >= 0; i--)
        {
            var type = Pipeline[i];
            var inner = next;
            next = context => Resolve(context, type).Invoke(context, inner);
        }
        return next;
    }

    internal static IServiceCollection AddOrgFunctionsMiddleware(this IServiceCollection services)
    {
        foreach (var type in Pipeline)
        {
            services.AddSingleton(type);
        }
        return services;
    }

    private static IFunctionsWorkerMiddleware Resolve(FunctionContext context, Type type) =>
        (IFunctionsWorkerMiddleware)context.InstanceServices.GetRequiredService(type);
}
