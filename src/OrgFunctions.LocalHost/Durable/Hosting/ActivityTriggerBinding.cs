using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Converters;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Durable.Functions;
using OrgFunctions.LocalHost.Invocation;

namespace OrgFunctions.LocalHost.Durable.Hosting;

/// <summary>Serves <c>[ActivityTrigger]</c> functions: registers them with the engine by name.</summary>
internal sealed class ActivityTriggerBinding(DurableFunctionRegistry registry, IFunctionInvoker invoker) : ITriggerBinding
{
    public Type TriggerAttributeType => typeof(ActivityTriggerAttribute);

    public Task StartAsync(IReadOnlyList<LocalFunction> functions, CancellationToken cancellationToken)
    {
        foreach (var function in functions)
        {
            var name = ((ActivityTriggerAttribute)function.Trigger).Activity ?? function.Name;
            var inputType = function.TriggerParameter.ParameterType;
            registry.AddActivity(name, new ActivityInvoker((input, cancellation) => invoker.InvokeAsync(function, new FunctionInvocation
            {
                // Durable's data converter, not the HTTP binder's web casing: the orchestrator serialized it so.
                TriggerValue = _ => JsonDataConverter.Default.Deserialize(input, inputType),
                CancellationToken = cancellation,
            })));
        }
        return Task.CompletedTask;
    }
}
