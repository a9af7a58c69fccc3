using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using OrgFunctions.LocalHost.Durable.Execution;

namespace OrgFunctions.LocalHost.Durable.Functions;

/// <summary>The orchestrators and activities the engine can run, by name (case-insensitive, as Durable's names).</summary>
internal sealed class DurableFunctionRegistry
{
    private readonly Dictionary<string, OrchestratorInvoker> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActivityInvoker> _activities = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    public DurableFunctionRegistry AddOrchestrator(string name, OrchestratorInvoker invoker)
    {
        _orchestrators[name] = invoker;
        return this;
    }

    public DurableFunctionRegistry AddActivity(string name, ActivityInvoker invoker)
    {
        _activities[name] = invoker;
        return this;
    }

    public DurableFunctionRegistry AddOrchestrator<TResult>(string name, Func<TaskOrchestrationContext, Task<TResult>> orchestrator) =>
        AddOrchestrator(name, new OrchestratorInvoker(async context => await orchestrator(context)));

    public DurableFunctionRegistry AddActivity<TInput, TResult>(string name, Func<TInput, Task<TResult>> activity) =>
        AddActivity(name, new ActivityInvoker(async (input, _) => await activity(JsonDataConverter.Default.Deserialize<TInput>(input)!)));

    public bool TryGetOrchestrator(string name, out OrchestratorInvoker invoker) => _orchestrators.TryGetValue(name, out invoker!);

    public bool TryGetActivity(string name, out ActivityInvoker invoker) => _activities.TryGetValue(name, out invoker!);
}
