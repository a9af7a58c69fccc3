namespace OrgFunctions.LocalHost.Durable.Store;

/// <summary>An activity the orchestrator scheduled whose result is not recorded yet. It exists until its result does.</summary>
internal sealed record ActivityWorkItem(string Key, string ExecutionId, int TaskId, string Name, string? Input)
{
    public static string KeyFor(string executionId, int taskId) => $"{executionId}-{taskId:D6}";
}
