using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace OrgFunctions.LocalHost.Discovery;

/// <summary>A function found by its <c>[Function]</c> attribute: its name, method and trigger.</summary>
public sealed class LocalFunction
{
    internal LocalFunction(string name, MethodInfo method, ParameterInfo triggerParameter, TriggerBindingAttribute trigger)
    {
        Name = name;
        Method = method;
        TriggerParameter = triggerParameter;
        Trigger = trigger;
    }

    /// <summary>The name given in <c>[Function("name")]</c>; unique in a host, compared case-insensitively.</summary>
    public string Name { get; }

    public MethodInfo Method { get; }

    /// <summary>The class that declares the method; instances come from DI per invocation.</summary>
    public Type ClassType => Method.DeclaringType!;

    /// <summary>The parameter carrying the trigger attribute.</summary>
    public ParameterInfo TriggerParameter { get; }

    /// <summary>The trigger attribute (HttpTrigger, TimerTrigger, ...), as written on the parameter.</summary>
    public TriggerBindingAttribute Trigger { get; }

    /// <summary>Stable across runs, as the host's function id is.</summary>
    public string Id => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(ClassType.FullName + "." + Method.Name + "/" + Name)))[..32].ToLowerInvariant();

    public override string ToString() => $"{Name} ({ClassType.FullName}.{Method.Name})";
}
