using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace OrgFunctions.LocalHost.Discovery;

/// <summary>
/// Finds functions the way the Functions host does: public methods carrying <c>[Function]</c>, each with
/// exactly one parameter carrying a trigger attribute.
/// </summary>
public static class FunctionDiscovery
{
    public static IReadOnlyList<LocalFunction> Discover(IEnumerable<Assembly> assemblies)
    {
        var functions = new List<LocalFunction>();
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in assembly.GetExportedTypes().Where(t => t.IsClass))
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    var attribute = method.GetCustomAttribute<FunctionAttribute>();
                    if (attribute is not null)
                    {
                        functions.Add(Describe(attribute.Name, method));
                    }
                }
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two functions are named '{duplicate.Key}': {string.Join(", ", duplicate)}. Function names must be unique.");
        }
        return functions.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static LocalFunction Describe(string name, MethodInfo method)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException($"{method.DeclaringType!.FullName}.{method.Name} has a [Function] attribute with no name.");
        }
        var triggers = method.GetParameters()
            .Select(p => (Parameter: p, Trigger: p.GetCustomAttributes().OfType<TriggerBindingAttribute>().FirstOrDefault()))
            .Where(x => x.Trigger is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            throw new InvalidOperationException(
                $"Function '{name}' ({method.DeclaringType!.FullName}.{method.Name}) must have exactly one trigger parameter; it has {triggers.Count}.");
        }
        return new LocalFunction(name, method, triggers[0].Parameter, triggers[0].Trigger!);
    }
}
