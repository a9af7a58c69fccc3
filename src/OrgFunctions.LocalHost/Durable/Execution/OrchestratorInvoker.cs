using Microsoft.DurableTask;

namespace OrgFunctions.LocalHost.Durable.Execution;

/// <summary>Runs an orchestrator function's code once, from the start, with the given context; returns its output.</summary>
internal delegate Task<object?> OrchestratorInvoker(TaskOrchestrationContext context);
