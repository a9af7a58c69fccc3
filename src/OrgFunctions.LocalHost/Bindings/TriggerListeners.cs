using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Bindings;

/// <summary>Starts and stops every trigger binding with its functions, and reports functions no binding serves.</summary>
internal sealed class TriggerListeners(FunctionCatalog catalog, IEnumerable<ITriggerBinding> bindings, ILogger<TriggerListeners> logger)
    : IHostedService
{
    private readonly List<ITriggerBinding> _started = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var function in catalog.Functions.Where(f => FindBinding(bindings, f) is null))
        {
            logger.LogWarning("Function {Function} is not run locally: no local binding serves its trigger {Trigger}.",
                function.Name, function.Trigger.GetType().Name);
        }
        foreach (var binding in bindings)
        {
            await binding.StartAsync(catalog.WithTrigger(binding.TriggerAttributeType), cancellationToken);
            _started.Add(binding);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var binding in Enumerable.Reverse(_started))
        {
            await binding.StopAsync(cancellationToken);
        }
        _started.Clear();
    }

    internal static ITriggerBinding? FindBinding(IEnumerable<ITriggerBinding> bindings, LocalFunction function) =>
        bindings.FirstOrDefault(b => b.TriggerAttributeType.IsInstanceOfType(function.Trigger));
}
