using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Invocation;

internal sealed class FunctionInvoker(IServiceScopeFactory scopes, ParameterBinder binder, ILoggerFactory loggers) : IFunctionInvoker
{
    public async Task<object?> InvokeAsync(LocalFunction function, InvocationRequest invocation)
    {
        AsyncServiceScope? ownedScope = invocation.Services is null ? scopes.CreateAsyncScope() : null;
        try
        {
            var services = invocation.Services ?? ownedScope!.Value.ServiceProvider;
            var context = new LocalFunctionContext(function, invocation, services);
            var logger = loggers.CreateLogger("Function." + function.Name);
            using var logScope = logger.BeginScope(new Dictionary<string, object> { ["InvocationId"] = context.InvocationId });

            // The app's worker middleware runs around the function as in the worker's pipeline (an HTTP function that
            // throws answers its 500 problem+json there); a result is only what the function itself returned.
            object? result = null;
            await OrgFunctionsMiddleware.Around(async _ =>
            {
                result = await RunAsync(function, invocation, context, services, logger);
            })(context);
            return result;
        }
        finally
        {
            if (ownedScope is { } scope)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private async Task<object?> RunAsync(LocalFunction function, InvocationRequest invocation, LocalFunctionContext context,
        IServiceProvider services, ILogger logger)
    {
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.ClassType);
        try
        {
            var arguments = await binder.BindAsync(function, invocation, context);
            logger.LogDebug("Executing '{Function}' (Id={InvocationId})", function.Name, context.InvocationId);
            var result = await AwaitResultAsync(Call(function.Method, instance, arguments));
            logger.LogDebug("Executed '{Function}' (Succeeded, Id={InvocationId})", function.Name, context.InvocationId);
            return result;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static object? Call(MethodInfo method, object? instance, object?[] arguments)
    {
        try
        {
            return method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Unwraps Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt; results.</summary>
    internal static async Task<object?> AwaitResultAsync(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
                    ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
                    : null;
        }
        var returnedType = returned.GetType();
        if (returnedType.IsGenericType && returnedType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = (Task)returnedType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
            return await AwaitResultAsync(asTask);
        }
        return returned;
    }
}
