using Microsoft.Azure.Functions.Worker;
using OrgFunctions.LocalHost.Discovery;

namespace OrgFunctions.LocalHost.Http;

/// <summary>Where an HTTP function listens: its route pattern and methods (null: every method).</summary>
internal sealed record HttpRoute(string Pattern, IReadOnlyList<string>? Methods)
{
    public static HttpRoute For(LocalFunction function, string routePrefix)
    {
        var trigger = (HttpTriggerAttribute)function.Trigger;
        var route = (trigger.Route ?? function.Name).Trim('/');
        var prefix = routePrefix.Trim('/');
        var pattern = "/" + (prefix.Length == 0 ? route : prefix + "/" + route);
        var methods = trigger.Methods is { Length: > 0 } m ? m.Select(x => x.ToUpperInvariant()).ToArray() : null;
        return new HttpRoute(pattern, methods);
    }
}
