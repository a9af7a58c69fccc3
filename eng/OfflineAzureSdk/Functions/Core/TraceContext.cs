namespace Microsoft.Azure.Functions.Worker;

/// <summary>The distributed-tracing context of an invocation.</summary>
public abstract class TraceContext
{
    public abstract string TraceParent { get; }

    public abstract string TraceState { get; }

    public virtual IReadOnlyDictionary<string, string> Attributes => new Dictionary<string, string>();
}
