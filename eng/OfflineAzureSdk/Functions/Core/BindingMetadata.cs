namespace Microsoft.Azure.Functions.Worker;

/// <summary>Metadata of one binding of a function.</summary>
public abstract class BindingMetadata
{
    public abstract string Name { get; }

    public abstract string Type { get; }

    public abstract BindingDirection Direction { get; }
}
