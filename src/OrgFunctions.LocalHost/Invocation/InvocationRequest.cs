using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.LocalHost.Invocation;

/// <summary>What a trigger binding hands the invoker for one run of a function.</summary>
public sealed class InvocationRequest
{
    /// <summary>The trigger parameter's value; made from the invocation's context (HttpRequestData needs it).</summary>
    public Func<FunctionContext, object?> TriggerValue { get; init; } = _ => null;

    /// <summary>Trigger metadata; parameters not bound otherwise are looked up here by name (HTTP route values, ...).</summary>
    public IReadOnlyDictionary<string, object?> BindingData { get; init; } = new Dictionary<string, object?>();

    /// <summary>Per-invocation objects bound to parameters by type (e.g. a ServiceBusMessageActions).</summary>
    public IReadOnlyList<object> Inputs { get; init; } = [];

    /// <summary>Copied into the context's <see cref="FunctionContext.Items"/> (HTTP: the HttpContext, where the integration puts it).</summary>
    public IReadOnlyDictionary<object, object> Items { get; init; } = new Dictionary<object, object>();

    /// <summary>The scope to resolve the function class in; null makes the invoker create (and dispose) one.</summary>
    public IServiceProvider? Services { get; init; }

    public int RetryCount { get; init; }

    public int MaxRetryCount { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public static InvocationRequest WithTrigger(object? value, CancellationToken cancellationToken = default) =>
        new() { TriggerValue = _ => value, CancellationToken = cancellationToken };
}
