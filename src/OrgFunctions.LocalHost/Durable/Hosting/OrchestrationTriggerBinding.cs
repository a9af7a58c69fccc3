using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using OrgFunctions.LocalHost.Bindings;
using OrgFunctions.LocalHost.Discovery;
using OrgFunctions.LocalHost.Durable.Execution;
using OrgFunctions.LocalHost.Durable.Functions;
using OrgFunctions.LocalHost.Durable.Http;
using OrgFunctions.LocalHost.Invocation;

namespace OrgFunctions.LocalHost.Durable.Hosting;

/// <summary>
/// Serves <c>[OrchestrationTrigger]</c> functions: registers them with the engine by name, and maps Durable's
/// HTTP management API (<c>/runtime/webhooks/durabletask/instances/...</c>).
/// </summary>
internal sealed class OrchestrationTriggerBinding(DurableFunctionRegistry registry, IFunctionInvoker invoker) : ITriggerBinding
{
    public Type TriggerAttributeType => typeof(OrchestrationTriggerAttribute);

    public void MapEndpoints(IEndpointRouteBuilder endpoints, IReadOnlyList<LocalFunction> functions) =>
        DurableHttpApi.Map(endpoints);

    public Task StartAsync(IReadOnlyList<LocalFunction> functions, CancellationToken cancellationToken)
    {
        foreach (var function in functions)
        {
            var name = ((OrchestrationTriggerAttribute)function.Trigger).Orchestration ?? function.Name;
            // The invoker runs on the replaying thread: its awaits continue on the orchestration's context.
            registry.AddOrchestrator(name, new OrchestratorInvoker(context =>
                invoker.InvokeAsync(function, FunctionInvocation.WithTrigger(context))));
        }
        return Task.CompletedTask;
    }
}
