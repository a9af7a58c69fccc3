namespace OrgFunctions.LocalHost.Durable.Execution;

/// <summary>The orchestrator, replayed, did not schedule what its history says it scheduled.</summary>
internal sealed class NonDeterministicOrchestrationException(string message) : Exception(message);
