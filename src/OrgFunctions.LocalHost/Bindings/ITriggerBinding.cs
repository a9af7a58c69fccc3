using Microsoft.AspNetCore.Routing;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Bindings;

/// <summary>
/// Runs the functions of one trigger kind (the seam for new triggers). Register an implementation with
/// <see cref="BindingServiceCollectionExtensions.AddTriggerBinding{TBinding}"/>; the host hands it the
/// functions whose trigger attribute is <see cref="TriggerAttributeType"/>, and it invokes them through
/// <see cref="Invocation.IFunctionInvoker"/> whenever its source fires.
/// </summary>
public interface ITriggerBinding
{
    /// <summary>The trigger attribute this binding serves, e.g. <c>typeof(HttpTriggerAttribute)</c>.</summary>
    Type TriggerAttributeType { get; }

    /// <summary>Called once while the host is built, before it listens: map HTTP endpoints here.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints, IReadOnlyList<LocalFunction> functions)
    {
    }

    /// <summary>Called once when the host starts: start listening (timers, queues, ...).</summary>
    Task StartAsync(IReadOnlyList<LocalFunction> functions, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when the host stops: stop listening and let runs in progress end.</summary>
    Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs <paramref name="function"/> now, as the admin endpoint <c>POST /admin/functions/{name}</c> does.
    /// <paramref name="input"/> is the request's <c>input</c> string, if any. Bindings without an on-demand
    /// form throw <see cref="NotSupportedException"/>.
    /// </summary>
    Task InvokeOnDemandAsync(LocalFunction function, string? input, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"Functions triggered by {TriggerAttributeType.Name} cannot be run on demand.");
}
