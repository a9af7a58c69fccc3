using System.Collections;
using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace OrgFunctions.LocalHost.Invocation;

internal sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> bindingData) : BindingContext
{
    public override IReadOnlyDictionary<string, object?> BindingData { get; } = bindingData;
}

internal sealed class LocalRetryContext(int retryCount, int maxRetryCount) : RetryContext
{
    public override int RetryCount { get; } = retryCount;

    public override int MaxRetryCount { get; } = maxRetryCount;
}

internal sealed class LocalTraceContext(string traceParent, string traceState) : TraceContext
{
    public override string TraceParent { get; } = traceParent;

    public override string TraceState { get; } = traceState;

    public static LocalTraceContext FromCurrentActivity() =>
        new(Activity.Current?.Id ?? "", Activity.Current?.TraceStateString ?? "");
}

internal sealed class InvocationFeatures : IInvocationFeatures
{
    private readonly Dictionary<Type, object> _features = [];

    public void Set<T>(T instance)
    {
        if (instance is null)
        {
            _features.Remove(typeof(T));
        }
        else
        {
            _features[typeof(T)] = instance;
        }
    }

    public T? Get<T>() => _features.TryGetValue(typeof(T), out var value) ? (T)value : default;

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
