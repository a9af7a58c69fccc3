using System.Collections.Immutable;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>A parameter of a function.</summary>
public class FunctionParameter
{
    public FunctionParameter(string name, Type type)
        : this(name, type, ImmutableDictionary<string, object>.Empty)
    {
    }

    public FunctionParameter(string name, Type type, IReadOnlyDictionary<string, object> properties)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Properties = properties ?? throw new ArgumentNullException(nameof(properties));
    }

    public string Name { get; }

    public Type Type { get; }

    public IReadOnlyDictionary<string, object> Properties { get; }
}
