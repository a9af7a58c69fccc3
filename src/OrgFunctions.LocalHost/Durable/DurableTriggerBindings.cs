using Microsoft.Azure.Functions.Worker;
using OrgFunctions.LocalHost.Bindings;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// Orchestrator and activity functions are run by the Durable Task worker, which is handed them when it is built
/// (<see cref="DurableServiceCollectionExtensions"/>); these bindings only claim the two trigger kinds for the host.
/// </summary>
internal sealed class OrchestrationTriggerBinding : ITriggerBinding
{
    public Type TriggerAttributeType => typeof(OrchestrationTriggerAttribute);
}

internal sealed class ActivityTriggerBinding : ITriggerBinding
{
    public Type TriggerAttributeType => typeof(ActivityTriggerAttribute);
}
