namespace OrgFunctions.LocalHost.Discovery;

/// <summary>Every function this host knows, by name. A singleton in the host's services.</summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, LocalFunction> _byName;

    public FunctionCatalog(IReadOnlyList<LocalFunction> functions)
    {
        Functions = functions;
        _byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<LocalFunction> Functions { get; }

    public LocalFunction? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The functions whose trigger is <paramref name="triggerAttributeType"/>.</summary>
    public IReadOnlyList<LocalFunction> WithTrigger(Type triggerAttributeType) =>
        Functions.Where(f => triggerAttributeType.IsInstanceOfType(f.Trigger)).ToList();
}
