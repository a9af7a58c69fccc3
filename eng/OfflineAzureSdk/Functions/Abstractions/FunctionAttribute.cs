namespace Microsoft.Azure.Functions.Worker;

/// <summary>Marks a method as a function; the name is what the host knows it by.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FunctionAttribute : Attribute
{
    public FunctionAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
