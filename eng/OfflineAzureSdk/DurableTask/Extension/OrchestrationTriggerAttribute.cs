using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Marks the <c>TaskOrchestrationContext</c> parameter of an orchestrator function (Worker.Extensions.DurableTask).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OrchestrationTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>The orchestrator's name; <c>null</c> means the function's name.</summary>
    public string? Orchestration { get; set; }
}
