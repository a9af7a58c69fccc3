using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Invocation;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// An <c>[OrchestrationTrigger]</c> function as the Durable Task worker runs it. The input type is what the worker
/// deserializes the instance's input to: the function's input parameter where it has one (the isolated worker's
/// preferred form), else <see cref="object"/>. The input is passed to that parameter; <c>GetInput&lt;T&gt;</c> on the
/// context answers for that type.
/// </summary>
internal sealed class FunctionOrchestrator(LocalFunction function, IFunctionInvoker invoker) : ITaskOrchestrator
{
    public Type InputType { get; } = DurableSignatures.InputParameter(function)?.ParameterType ?? typeof(object);

    public Type OutputType { get; } = DurableSignatures.ResultType(function.Method);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        invoker.InvokeAsync(function, new InvocationRequest
        {
            TriggerValue = _ => context,
            Inputs = input is null ? [] : [input],
        });
}

/// <summary>An <c>[ActivityTrigger]</c> function as the Durable Task worker runs it: its input is the trigger parameter.</summary>
internal sealed class FunctionActivity(LocalFunction function, IFunctionInvoker invoker) : ITaskActivity
{
    public Type InputType => function.TriggerParameter.ParameterType;

    public Type OutputType { get; } = DurableSignatures.ResultType(function.Method);

    public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
        invoker.InvokeAsync(function, InvocationRequest.WithTrigger(input));
}

internal static class DurableSignatures
{
    /// <summary>An orchestrator's parameter that nothing else binds: the isolated worker passes the input there.</summary>
    public static ParameterInfo? InputParameter(LocalFunction function) =>
        function.Method.GetParameters().FirstOrDefault(p => p.Position != function.TriggerParameter.Position
            && p.ParameterType != typeof(FunctionContext) && p.ParameterType != typeof(CancellationToken));

    /// <summary>T of Task&lt;T&gt; or ValueTask&lt;T&gt;, the type itself otherwise; object for none.</summary>
    public static Type ResultType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }
        return type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask) ? typeof(object) : type;
    }
}
