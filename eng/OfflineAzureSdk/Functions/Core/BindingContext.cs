namespace Microsoft.Azure.Functions.Worker;

/// <summary>Binding data of an invocation (trigger metadata).</summary>
public abstract class BindingContext
{
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}
